from django.http import QueryDict


class NulFreeQueryMiddleware:
    """Take NUL characters out of the query string before any view reads it.

    Nothing on record holds one, and PostgreSQL refuses a query that does: a search or a filter
    with one in it (the admin's autocomplete and list filters pass theirs on as typed) would
    answer 500. Forms posted keep theirs, for their fields to refuse with a message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in "".join(f"{key}{''.join(values)}" for key, values in request.GET.lists()):
            query = QueryDict(mutable=True)
            for key, values in request.GET.lists():
                for value in values:
                    query.appendlist(key.replace("\x00", ""), value.replace("\x00", ""))
            query._mutable = False
            request.GET = query
        return self.get_response(request)

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import resolve_url
from django.utils.cache import patch_cache_control
from django_htmx.http import HttpResponseClientRedirect


class HtmxSignInRedirectMiddleware:
    """When a session has expired, send an htmx request's whole page to sign in.

    Without this, htmx would follow the redirect and swap the sign-in page into the section.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        sign_in = resolve_url(settings.LOGIN_URL)
        if (
            getattr(request, "htmx", False)
            and response.status_code == 302
            and response.get("Location", "").startswith(f"{sign_in}?")
        ):
            return HttpResponseClientRedirect(response["Location"])
        return response


class NoStoreForSignedInMiddleware:
    """Pages and downloads for a signed-in user are theirs alone: no shared cache or browser history keeps them.

    A response that sets its own Cache-Control (a public page) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class PermissionsPolicyMiddleware:
    """Tell the browser that no page of the service uses the camera, microphone, location and the like.

    A script that found its way onto a page could then not ask for them. The policy is the
    PERMISSIONS_POLICY setting, one feature to a list of allowed origins (an empty list: none).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(
            f"{feature}=({' '.join(origins)})" for feature, origins in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.policy)
        return response


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

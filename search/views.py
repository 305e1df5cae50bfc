from django.shortcuts import render
from django.views.decorators.http import require_GET

from search.forms import SearchForm
from search.results import Search

PAGE_SIZE = 20


@require_GET
def search(request):
    """Search the minutes, actions and updates the user may read, from the header's box or this page."""
    form = SearchForm(request.GET or None, user=request.user)
    found = page = None
    if form.has_query:
        found = Search(
            request.user,
            form.cleaned_data["q"],
            **{name: form.cleaned_data[name] or None for name in ("group", "year", "kind")},
        )
        page = found.page(request.GET.get("page"), PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "found": found,
            "page": page,
            "query": query.urlencode(),
            "nav": "search",
        },
    )

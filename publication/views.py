"""The public pages of published minutes: each group's list, each meeting's minutes and the group's feed.

Anyone may read them, signed in or not, and they show the same to everyone, so a shared cache may keep
them. They revalidate with an ETag and Last-Modified that change when minutes are published or corrected.
"""

import functools
from itertools import groupby

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_safe
from django.views.defaults import page_not_found

from actions.models import Action
from meetings.models import Group, Paper
from minutes.agenda import paper_download
from minutes.contents import with_minutes
from minutes.documents.content import minutes_content
from minutes.downloads import FORMATS, file_attachment
from publication import published
from publication.feeds import GroupFeed

MAX_AGE = 300
"""How long, in seconds, a cache may serve a public page before it asks again whether it has changed."""

DOCUMENT_CACHE_SECONDS = 24 * 60 * 60
"""How long the app keeps a published page or document it built; a correction changes its key before then."""


def public(view):
    """A public page: no sign-in, GET and HEAD only, cacheable by anyone when found, and revalidated."""

    @functools.wraps(view)
    def cached(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404 as missing:
            response = page_not_found(request, missing)
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=MAX_AGE)
        else:
            # Minutes not found may be published in a minute: no cache keeps the answer.
            patch_cache_control(response, private=True, no_store=True)
        return response

    return login_not_required(require_safe(cached))


def group_freshness(request, slug):
    return published.freshness(published.published_minutes().filter(group__slug=slug), slug, _group_names(slug))


def _group_names(slug):
    return "|".join(Group.objects.filter(slug=slug).values_list("name", "short_name").first() or ())


def minutes_freshness(request, slug, key, extension=None):
    pk = published.published_pk(slug, key)
    if pk is None:
        return None
    return published.freshness(published.published_minutes().filter(pk=pk), _group_names(slug))


def _once(freshness):
    """The page's validators, worked out once for both the ETag and Last-Modified."""

    def worked_out(request, *args, **kwargs):
        if not hasattr(request, "public_freshness"):
            request.public_freshness = freshness(request, *args, **kwargs)
        return request.public_freshness

    return worked_out


def _etag(freshness):
    freshness = _once(freshness)
    return lambda request, *args, **kwargs: (state := freshness(request, *args, **kwargs)) and state.etag


def _last_modified(freshness):
    freshness = _once(freshness)
    return lambda request, *args, **kwargs: (state := freshness(request, *args, **kwargs)) and state.last_modified


@public
@condition(etag_func=_etag(group_freshness), last_modified_func=_last_modified(group_freshness))
def group(request, slug):
    group = get_object_or_404(Group, slug=slug)
    meetings = list(
        published.with_addresses(published.published_minutes().filter(group=group)).order_by("-date", "-pk")
    )
    if not meetings:
        # A group with nothing published has no public page: the public learns nothing about it.
        raise Http404("No published minutes")
    for meeting in meetings:
        meeting.group = group
        meeting.public_url = published.address(meeting)
    years = [(year, list(of_year)) for year, of_year in groupby(meetings, key=lambda meeting: meeting.date.year)]
    return render(request, "publication/group.html", {"group": group, "years": years})


@public
@condition(etag_func=_etag(minutes_freshness), last_modified_func=_last_modified(minutes_freshness))
def minutes(request, slug, key):
    pk = published.published_pk(slug, key)
    if pk is None:
        raise Http404("No published minutes at this address")
    # The page is the same for everyone and changes only with its ETag: built once for each state of
    # the minutes, as their documents are.
    cache_key = f"published-page:{request.path}:{_once(minutes_freshness)(request, slug, key).etag}"
    page = cache.get(cache_key)
    if page is None:
        meeting = get_object_or_404(with_minutes(published.published_minutes()), pk=pk)
        updates = published.updates_after_publication(meeting)
        page = render_to_string(
            "publication/minutes.html",
            {
                "group": meeting.group,
                "meeting": meeting,
                # As published: an update recorded since then is not part of these minutes.
                "matters_arising": Action.objects.reviewed_at(meeting, recorded_by=meeting.published_at),
                "updates": [(correction, published.correction_summary(correction)) for correction in updates],
                "last_updated": updates[-1].made_at if updates else None,
                "page_url": request.path,
                "papers": Paper.objects.filter(agenda_item__meeting=meeting, public=True).select_related("agenda_item"),
            },
            request,
        )
        cache.set(cache_key, page, DOCUMENT_CACHE_SECONDS)
    return HttpResponse(page)


@public
def paper(request, slug, key, pk):
    """A paper marked to be published with the minutes, once they are."""
    meeting_pk = published.published_pk(slug, key)
    if meeting_pk is None:
        raise Http404("No published minutes at this address")
    return paper_download(get_object_or_404(Paper, pk=pk, public=True, agenda_item__meeting=meeting_pk))


@public
@condition(etag_func=_etag(minutes_freshness), last_modified_func=_last_modified(minutes_freshness))
def document(request, slug, key, extension):
    """The published minutes as a Word, OpenDocument or PDF document, as they were published."""
    pk = published.published_pk(slug, key)
    if pk is None or extension not in FORMATS:
        raise Http404("No published minutes at this address")
    document_format = FORMATS[extension]
    # Built once for each state of the minutes: the page's ETag changes when they are published again
    # or corrected, and with it the key, so a correction is never served from an older build.
    etag = _once(minutes_freshness)(request, slug, key).etag
    cache_key = f"published-document:{pk}:{extension}:{etag}"
    built = cache.get(cache_key)
    if built is None:
        meeting = get_object_or_404(with_minutes(published.published_minutes()), pk=pk)
        content = minutes_content(meeting, Action.objects.reviewed_at(meeting, recorded_by=meeting.published_at))
        built = (document_format.build(content), content.file_stem)
        cache.set(cache_key, built, DOCUMENT_CACHE_SECONDS)
    document, file_stem = built
    return file_attachment(document, file_stem, document_format)


feed = public(
    condition(etag_func=_etag(group_freshness), last_modified_func=_last_modified(group_freshness))(GroupFeed())
)

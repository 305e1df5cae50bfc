"""The Atom feed of a group's newly published minutes, and of the corrections made to them since."""

import re

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join

from meetings.models import Group
from publication import published

FEED_LENGTH = 20

# XML cannot hold these control characters, and text pasted from elsewhere sometimes has them.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def xml_safe(text):
    return NOT_XML.sub("", text)


class GroupFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        group = get_object_or_404(Group, slug=slug)
        group.published_meetings = list(
            published.with_addresses(published.published_minutes().filter(group=group))
            .prefetch_related("corrections")
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )
        if not group.published_meetings:
            raise Http404("No published minutes")
        for meeting in group.published_meetings:
            meeting.group = group
        return group

    def title(self, group):
        return xml_safe(f"Published minutes of the {group.name}")

    def subtitle(self, group):
        return xml_safe(f"Minutes of {group.short_name} meetings as they are published, and corrections made to them.")

    def link(self, group):
        return reverse("publication:group", args=[group.slug])

    def feed_url(self, group):
        return reverse("publication:feed", args=[group.slug])

    def author_name(self, group):
        return xml_safe(group.name)

    def items(self, group):
        return group.published_meetings

    def item_title(self, meeting):
        return xml_safe(f"{meeting.group.short_name} minutes of {meeting.date:%-d %B %Y}")

    def item_link(self, meeting):
        return published.address(meeting)

    def item_pubdate(self, meeting):
        return meeting.published_at

    def item_updateddate(self, meeting):
        updates = published.updates_after_publication(meeting)
        return updates[-1].made_at if updates else meeting.published_at

    def item_description(self, meeting):
        summary = format_html(
            "<p>The minutes of the {} meeting held on {}.</p>", meeting.group.name, f"{meeting.date:%-d %B %Y}"
        )
        updates = published.updates_after_publication(meeting)
        if not updates:
            return xml_safe(summary)
        lines = [
            (f"{timezone.localtime(update.made_at):%-d %B %Y}", published.correction_summary(update), update.reason)
            for update in reversed(updates)
        ]
        return xml_safe(
            summary + format_html("<ul>{}</ul>", format_html_join("", "<li>Updated {}: {}. {}</li>", lines))
        )

"""How the history pages write what they show, for the tests that read them."""

from django.template.defaultfilters import date as format_date
from django.utils import timezone

from govuk.templatetags.govuk import govuk_time


def written_when(moment):
    """A moment as the history pages write it: 11 March 2013 at 10:30am."""
    local = timezone.localtime(moment)
    return f"{format_date(local, 'j F Y')} at {govuk_time(local)}"

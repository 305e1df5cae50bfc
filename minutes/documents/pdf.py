"""The minutes as a tagged PDF, printed by WeasyPrint from the minutes' print template."""

import gc
from contextlib import contextmanager

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

CONTENT_TYPE = "application/pdf"
TEMPLATE = "minutes/documents/minutes.html"
# Tagged for screen readers (PDF/UA), with the title and language the template gives.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


@contextmanager
def collection_deferred():
    """Python's cyclic garbage collector paused for the duration, then run once over what was made.

    WeasyPrint makes millions of objects for a long document, and the collector, left to itself, walks
    every live object again and again as they pile up: a third of a 40-page build. One pass at the end
    frees the same garbage.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
            gc.collect(0)


def print_pdf(template, context):
    """The PDF of ``template`` rendered with ``context``: a page that fetches nothing, printed as tagged PDF."""
    page = render_to_string(template, context)
    # The print template holds everything it shows: nothing, whatever the minutes say, is fetched.
    fetcher = URLFetcher(allowed_protocols=["data"], allow_redirects=False, timeout=1)
    with collection_deferred():
        return HTML(string=page, url_fetcher=fetcher).write_pdf(**PDF_OPTIONS)


def build_pdf(content):
    """The PDF file of the minutes, as bytes."""
    return print_pdf(TEMPLATE, {"content": content})

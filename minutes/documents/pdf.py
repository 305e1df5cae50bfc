"""The minutes as a tagged PDF, printed by WeasyPrint from the minutes' print template."""

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

CONTENT_TYPE = "application/pdf"
TEMPLATE = "minutes/documents/minutes.html"
# Tagged for screen readers (PDF/UA), with the title and language the template gives.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1"}


def build_pdf(content):
    """The PDF file of the minutes, as bytes."""
    page = render_to_string(TEMPLATE, {"content": content})
    # The print template holds everything it shows: nothing, whatever the minutes say, is fetched.
    fetcher = URLFetcher(allowed_protocols=["data"], allow_redirects=False, timeout=1)
    return HTML(string=page, url_fetcher=fetcher).write_pdf(**PDF_OPTIONS)

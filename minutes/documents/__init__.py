"""The minutes as documents people keep, send and publish: Word (DOCX), OpenDocument (ODT) and PDF.

``content.MinutesContent`` says what the document says, in reading order; each builder lays
that out in its own format, so the three documents always read alike.
"""

import logging

# WeasyPrint logs each step of each document (and of its own stylesheets, as it is imported) at INFO,
# which would fill the server's log: quietened here, before ``pdf`` imports it.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

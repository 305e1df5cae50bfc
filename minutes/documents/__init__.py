"""The minutes as documents people keep, send and publish: Word (DOCX), OpenDocument (ODT) and PDF.

``content.MinutesContent`` says what the document says, in reading order; each builder lays
that out in its own format, so the three documents always read alike.
"""

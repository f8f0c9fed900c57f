"""The minutes (protokoll) as a PDF: the same HTML as the page, laid out for paper and tagged for screen readers."""

from django.template.loader import render_to_string
from django.utils.translation import get_language

from tvatakt.council.models import Meeting


class PdfUnavailable(RuntimeError):
    """The server lacks the system libraries weasyprint draws with (Pango)."""


def minutes_pdf(meeting: Meeting, *, base_url: str) -> bytes:
    try:
        import weasyprint  # loads Pango through cffi: a server without it can still serve every page
    except OSError as exc:
        raise PdfUnavailable(str(exc)) from exc
    html = render_to_string("council/minutes_pdf.html", {"meeting": meeting, "language": get_language()})
    # PDF/UA-1 makes the file tagged (headings, lists, tables, reading order) with its language and title set.
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant="pdf/ua-1")

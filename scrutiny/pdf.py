"""Render a template to a tagged, accessible PDF (PDF/UA) with WeasyPrint.

Only Celery tasks call this: a PDF is never made inside a web request."""

from django.conf import settings
from django.template.loader import render_to_string


def html_to_pdf(html: str) -> bytes:
    """The tagged PDF for a whole HTML document; its <title> and <html lang> become the PDF's."""
    from weasyprint import HTML  # imported here: it is slow to load and only workers need it

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")


def render_pdf(template_name: str, context: dict | None = None) -> bytes:
    """The PDF bytes for a template; its <title> becomes the title and <html lang> the language."""
    return html_to_pdf(render_to_string(template_name, context or {}))


def render_pdf_and_pages(template_name: str, context: dict | None = None) -> tuple[bytes, int]:
    """Like render_pdf, with the number of pages (from the layout, without reading the PDF back)."""
    from weasyprint import HTML

    html = render_to_string(template_name, context or {})
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)

"""Render a template to a tagged, accessible PDF (PDF/UA) with WeasyPrint.

Only Celery tasks call this: a PDF is never made inside a web request."""

from django.conf import settings
from django.template.loader import render_to_string


def render_pdf(template_name, context=None):
    """The PDF bytes for a template; its <title> becomes the title and <html lang> the language."""
    from weasyprint import HTML  # imported here: it is slow to load and only workers need it

    html = render_to_string(template_name, context or {})
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")

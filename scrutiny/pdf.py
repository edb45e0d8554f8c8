"""Render a template to a tagged, accessible PDF (PDF/UA) with WeasyPrint.

Only Celery tasks call this: a PDF is never made inside a web request."""

import io

from django.conf import settings
from django.template.loader import render_to_string


def html_to_pdf(html: str) -> bytes:
    """The tagged PDF for a whole HTML document; its <title> and <html lang> become the PDF's."""
    from weasyprint import HTML  # imported here: it is slow to load and only workers need it

    pdf = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
    return with_header_scopes(pdf)


def render_pdf(template_name: str, context: dict | None = None) -> bytes:
    """The PDF bytes for a template; its <title> becomes the title and <html lang> the language."""
    return html_to_pdf(render_to_string(template_name, context or {}))


def render_pdf_and_pages(template_name: str, context: dict | None = None) -> tuple[bytes, int]:
    """Like render_pdf, with the number of pages (from the layout, without reading the PDF back)."""
    from weasyprint import HTML

    html = render_to_string(template_name, context or {})
    document = HTML(string=html, base_url=str(settings.BASE_DIR)).render()
    return with_header_scopes(document.write_pdf(pdf_variant="pdf/ua-1")), len(document.pages)


def _scope(table_part: str | None) -> str:
    return "/Column" if table_part == "/THead" else "/Row"


def with_header_scopes(pdf: bytes) -> bytes:
    """The PDF with a /Scope on every table header cell: /Column in a table's head, /Row in its
    body (as every table in the product is written: <th scope="col"> and <th scope="row">).

    WeasyPrint tags header cells as /TH but leaves out their scope (Kozea/WeasyPrint#2508), so a
    screen reader cannot tell which cells a header names, and PDF/UA checkers fail the table.
    The document is written again by pypdf, which keeps its tags, language, title and metadata."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if "/StructTreeRoot" not in writer.root_object:
        return pdf
    root = writer.root_object["/StructTreeRoot"].get_object()
    if not isinstance(root, DictionaryObject):
        return pdf  # a structure tree is always a dictionary; anything else has no tables to mend
    pending: list[tuple[DictionaryObject, str | None]] = [(root, None)]
    while pending:
        node, part = pending.pop()
        kids = node.get("/K")
        kids = kids.get_object() if kids is not None else []
        for kid in kids if isinstance(kids, list) else [kids]:
            element = kid.get_object() if hasattr(kid, "get_object") else kid
            if not isinstance(element, DictionaryObject) or "/S" not in element:
                continue  # marked content or an annotation, not a structure element
            tag = str(element["/S"])  # a NameObject, itself a str
            if tag == "/TH":
                element[NameObject("/A")] = DictionaryObject({
                    NameObject("/O"): NameObject("/Table"), NameObject("/Scope"): NameObject(_scope(part)),
                })
            pending.append((element, tag if tag in ("/THead", "/TBody", "/TFoot") else part))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()

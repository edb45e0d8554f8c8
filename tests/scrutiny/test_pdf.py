import io

from pypdf import PdfReader

from scrutiny.pdf import render_pdf


def test_template_renders_to_a_tagged_pdf_with_title_and_text():
    pdf = render_pdf("pdf/base.html", {
        "title": "Annual Report to Tenants 2025 to 2026",
        "landlord_name": "Tayview Council",
    })
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.metadata.title == "Annual Report to Tenants 2025 to 2026"
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Tayview Council" in text
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "en-GB"

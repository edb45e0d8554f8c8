"""Real files made in the test, never fixtures on disk."""

import io

from PIL import Image

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 400
# A Windows program: the MZ header, a DOS stub and a PE signature.
PE = b"MZ" + b"\x90\x00" * 29 + b"\x80\x00\x00\x00" + b"\x00" * 64 + b"PE\x00\x00\x4c\x01" + b"\x00" * 300
SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
GPS_IFD = 0x8825


def pdf(pages=1):
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx(text="Complaints procedure: stage 1 answered within 5 working days."):
    from docx import Document

    document = Document()
    document.add_heading("Complaints procedure", level=1)
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Measure", "Value"])
    sheet.append(["Stage 1 on time", 78])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def jpeg_with_gps():
    img = Image.new("RGB", (40, 30), "green")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (56.0, 23.0, 48.0)  # latitude
    gps[3] = "W"
    gps[4] = (3.0, 26.0, 12.0)  # longitude
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()

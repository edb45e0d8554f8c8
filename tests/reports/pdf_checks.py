"""Reading a made PDF back with pypdf: what a screen reader and a search would find."""

import io
import math
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ContentStream


@dataclass
class Tagged:
    tags: list = field(default_factory=list)  # structure types in reading order
    alts: list = field(default_factory=list)  # alternative text of figures
    header_scopes: list = field(default_factory=list)  # (table part, /Scope) of each /TH


def _walk(node, found, seen, part=None):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            _walk(child, found, seen, part)
        return
    if not isinstance(node, dict) or id(node) in seen:
        return
    seen.add(id(node))
    kind = node.get("/S")
    if kind:
        found.tags.append(str(kind))
        if kind == "/Figure" and node.get("/Alt"):
            found.alts.append(str(node["/Alt"]))
        if kind == "/TH":
            attributes = node.get("/A")
            attributes = attributes.get_object() if attributes is not None else {}
            found.header_scopes.append((part, str(attributes.get("/Scope"))))
        if kind in ("/THead", "/TBody", "/TFoot"):
            part = str(kind)
    if node.get("/K") is not None:
        _walk(node["/K"], found, seen, part)


def read(pdf: bytes):
    """(reader, all text, tagged structure) of a PDF."""
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    found = Tagged()
    root = reader.trailer["/Root"]
    if "/StructTreeRoot" in root:
        _walk(root["/StructTreeRoot"], found, set())
    return reader, " ".join(text.split()), found


def heading_levels(tags):
    return [int(t[2:]) for t in tags if t.startswith("/H") and t[2:].isdigit()]


def _fonts(resources, seen):
    """Every font a page's resources use, those of its form XObjects (SVG text) included."""
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        yield font.get_object()
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.idnum not in seen and xobject.get_object().get("/Subtype") == "/Form":
            seen.add(xobject.idnum)
            yield from _fonts(xobject.get_object().get("/Resources"), seen)


def fonts_not_embedded(reader) -> set[str]:
    """Names of the fonts drawn without their font file inside the PDF."""
    missing, seen = set(), set()
    for page in reader.pages:
        for font in _fonts(page.get("/Resources"), seen):
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            files = ("/FontFile", "/FontFile2", "/FontFile3")
            if descriptor is None or not any(key in descriptor for key in files):
                missing.add(str(font.get("/BaseFont")))
    return missing


def links(reader) -> list[dict]:
    """The link annotations of every page: where each goes, and whether it is tagged."""
    found = []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link":
                action = annotation.get("/A")
                action = action.get_object() if action is not None else {}
                found.append({"uri": action.get("/URI"), "dest": annotation.get("/Dest") or action.get("/D"),
                              "tagged": annotation.get("/StructParent") is not None})
    return found


def assert_accessible(pdf: bytes, *, title: str, max_pages: int):
    """Title, language, tagging, headings in order, figures with alternative text, header cells."""
    reader, text, found = read(pdf)
    root = reader.trailer["/Root"]
    assert reader.metadata.title == title
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    assert 1 <= len(reader.pages) <= max_pages
    levels = heading_levels(found.tags)
    assert levels and levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    figures = found.tags.count("/Figure")
    assert len(found.alts) == figures, "every figure has alternative text"
    assert fonts_not_embedded(reader) == set()
    # Header cells name the column (in a table's head) or the row (the first cell of a body row).
    assert len(found.header_scopes) == found.tags.count("/TH")
    assert all(scope == ("/Column" if part == "/THead" else "/Row") for part, scope in found.header_scopes)
    assert all(link["tagged"] and (link["uri"] or link["dest"]) for link in links(reader))
    return reader, text, found


IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _times(m, n):
    """The PDF matrix product m × n (m applied first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _shown_sizes(reader, stream, resources, ctm, page_number, found, depth=0):
    """Follow a content stream as a viewer draws it: the graphics state stack, `cm`, text
    matrices and font sizes, into form XObjects (WeasyPrint draws each SVG text in one)."""
    saved, size, tm = [], 0.0, IDENTITY
    for operands, op in ContentStream(stream, reader).operations:
        if op == b"q":
            saved.append(ctm)
        elif op == b"Q" and saved:
            ctm = saved.pop()
        elif op == b"cm":
            ctm = _times(tuple(float(x) for x in operands), ctm)
        elif op == b"BT":
            tm = IDENTITY
        elif op == b"Tf":
            size = float(operands[1])
        elif op == b"Tm":
            tm = tuple(float(x) for x in operands)
        elif op in (b"Td", b"TD"):
            tm = _times((1.0, 0.0, 0.0, 1.0, float(operands[0]), float(operands[1])), tm)
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            a, b, c, d, _, _ = _times(tm, ctm)
            found.append((page_number, size * math.sqrt(abs(a * d - b * c))))
        elif op == b"Do" and depth < 8:
            xobject = resources["/XObject"][operands[0]].get_object()
            if xobject.get("/Subtype") == "/Form":
                matrix = tuple(float(x) for x in xobject.get("/Matrix", IDENTITY))
                _shown_sizes(reader, xobject, xobject.get("/Resources", resources), _times(matrix, ctm),
                             page_number, found, depth + 1)


def printed_text_sizes(pdf: bytes) -> list[tuple[int, float]]:
    """(page number, size in points) of every piece of text as printed, charts' text included."""
    reader = PdfReader(io.BytesIO(pdf))
    found: list[tuple[int, float]] = []
    for number, page in enumerate(reader.pages, 1):
        _shown_sizes(reader, page.get_contents(), page["/Resources"], IDENTITY, number, found)
    return found


def _tagged_marks(reader) -> set[tuple[int, int]]:
    """(page object number, MCID) of every piece of marked content the tag tree reaches."""
    found: set[tuple[int, int]] = set()

    def walk(node, page):
        if isinstance(node, int):
            found.add((page, node))
            return
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for child in node:
                walk(child, page)
        elif isinstance(node, dict):
            if "/Pg" in node:
                page = node.raw_get("/Pg").idnum
            if "/MCID" in node:
                found.add((page, int(node["/MCID"])))
            if node.get("/K") is not None and node.get("/Type") != "/OBJR":
                walk(node["/K"], page)

    walk(reader.trailer["/Root"]["/StructTreeRoot"].get("/K"), None)
    return found


def untagged_text(pdf: bytes) -> list[tuple[int, str]]:
    """(page number, text) of text that is neither an artifact nor reached from the tag tree:
    what PDF/UA forbids, and what a screen reader following the tags would never read."""
    reader = PdfReader(io.BytesIO(pdf))
    tagged = _tagged_marks(reader)
    loose = []
    for number, page in enumerate(reader.pages, 1):
        marks: list[tuple[str, int | None]] = []

        def before(op, args, cm, tm, marks=marks):
            if op == b"BDC":
                props = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
                marks.append((str(args[0]), props.get("/MCID")))
            elif op == b"BMC":
                marks.append((str(args[0]), None))
            elif op == b"EMC" and marks:
                marks.pop()

        def text(words, cm, tm, font, size, marks=marks, page=page, number=number):
            if not words.strip():
                return
            if any(tag == "/Artifact" for tag, _ in marks):
                return
            mcids = [mcid for _, mcid in marks if mcid is not None]
            if not mcids or (page.indirect_reference.idnum, int(mcids[-1])) not in tagged:
                loose.append((number, words.strip()))

        page.extract_text(visitor_operand_before=before, visitor_text=text)
    return loose


def contents_pages(reader, titles) -> dict[str, int]:
    """The page number the contents list (on the first two pages) gives for each title."""
    import re

    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages[:2])
    found = {}
    for title in titles:
        match = re.search(re.escape(title) + r", page (\d+)", text)
        assert match, f"no page number for {title!r} in the contents"
        found[title] = int(match.group(1))
    return found


def _children(node) -> list:
    kids = node.get("/K")
    kids = kids.get_object() if hasattr(kids, "get_object") else kids
    kids = kids if isinstance(kids, list) else [kids]
    return [k.get_object() for k in kids if hasattr(k, "get_object") and isinstance(k.get_object(), dict)]


def _first(node, tag):
    for child in _children(node):
        if child.get("/S") == tag:
            return child
        found = _first(child, tag)
        if found is not None:
            return found
    return None


def _pages_of(node, page_numbers, page=None) -> set[int]:
    """The pages the marked content under a structure element is drawn on."""
    found: set[int] = set()
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, int):
        return {page_numbers[page]}
    if isinstance(node, list):
        for child in node:
            found |= _pages_of(child, page_numbers, page)
        return found
    if isinstance(node, dict):
        if "/Pg" in node:
            page = node.raw_get("/Pg").idnum
        if "/MCID" in node:
            found.add(page_numbers[page])
        if node.get("/K") is not None and node.get("/Type") != "/OBJR":
            found |= _pages_of(node["/K"], page_numbers, page)
    return found


def captions_apart_from_their_tables(pdf: bytes) -> list[tuple[int, ...]]:
    """Tables whose caption is not on one page with the header row and the first row of data,
    as the pages of each. WeasyPrint tags each page's part of a table as its own /Table, so a
    caption left behind at the foot of a page is a /Table with a caption and no rows."""
    reader = PdfReader(io.BytesIO(pdf))
    page_numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    tables = []

    def walk(node):
        for child in _children(node):
            if child.get("/S") == "/Table":
                tables.append(child)
            walk(child)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    apart = []
    for table in tables:
        caption = _first(table, "/Caption")
        if caption is None:
            continue  # the rest of a table continued from an earlier page
        head, body = _first(table, "/THead"), _first(table, "/TBody")
        first_rows = [_first(part, "/TR") if part is not None else None for part in (head, body)]
        parts = (caption, *first_rows)
        pages = [_pages_of(part, page_numbers) if part is not None else set() for part in parts]
        if any(not found for found in pages) or len(set().union(*pages)) != 1:
            apart.append(tuple(sorted(set().union(*pages))))
    return apart

"""Reading a made PDF back with pypdf: what a screen reader and a search would find."""

import io
from dataclasses import dataclass, field

from pypdf import PdfReader


@dataclass
class Tagged:
    tags: list = field(default_factory=list)  # structure types in reading order
    alts: list = field(default_factory=list)  # alternative text of figures


def _walk(node, found, seen):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for child in node:
            _walk(child, found, seen)
        return
    if not isinstance(node, dict) or id(node) in seen:
        return
    seen.add(id(node))
    kind = node.get("/S")
    if kind:
        found.tags.append(str(kind))
        if kind == "/Figure" and node.get("/Alt"):
            found.alts.append(str(node["/Alt"]))
    if node.get("/K") is not None:
        _walk(node["/K"], found, seen)


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
    return reader, text, found

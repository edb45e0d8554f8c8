"""Reading a document for the panel: its text out of a PDF, Word or text file, readability
figures (textstat-rs, which ships its own word data so it works with no internet), long
sentences, and jargon words marked in place. The figures are a guide; the panel decides."""

import io
import re
from dataclasses import dataclass, field

import textstat_rs
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from scrutiny.uploads import human_size, unpacked_size

LONG_SENTENCE_WORDS = 25
MAX_TEXT = 200_000
MAX_PDF_PAGES = 100
# Parsing XML takes about ten times its size in memory: a Word file's text part may be at most
# this big (a 500-page report is about 5 MB), checked from the zip's directory before parsing.
MAX_WORD_XML = 10 * 1024 * 1024
# Files whose words can take seconds to read: the worker reads them, not the web request.
SLOW_TO_READ = frozenset({"pdf", "docx"})
# A word: letters (Welsh ones with accents too, ŵ and ŷ among them), digits, apostrophes, hyphens.
_WORD = re.compile(r"[A-Za-z0-9'’\-À-ÖØ-öø-ÿŴŵŶŷ]+")
# The readability formulas textstat-rs has (Flesch reading ease, Flesch-Kincaid grade) count
# English syllables and were fitted to English readers: for another language they mean nothing.
FORMULA_LANGUAGES = frozenset({"en-gb", "en"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def extract_text(f: File, kind: str) -> str:
    """The words of an uploaded PDF, Word (.docx) or text file."""
    f.seek(0)
    data = f.read()
    check_before_reading(f, kind)
    try:
        if kind == "pdf":
            text = _pdf_text(data)
        elif kind == "docx":
            import docx

            document = docx.Document(io.BytesIO(data))
            text = "\n\n".join(p.text for p in document.paragraphs)
        elif kind == "txt":
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                text = data.decode("cp1252", errors="replace")
        else:
            raise ValidationError(_("Choose a PDF, a Word document (.docx) or a text file."))
    except ValidationError:
        raise
    except Exception as exc:  # a broken file from outside: say so rather than fail
        raise ValidationError(
            _("The words could not be read from this file. Paste the text instead.")
        ) from exc
    text = text.replace("\x00", "").strip()
    if not text:
        raise ValidationError(
            _("No words were found in this file (it may be a scanned image). Paste the text instead.")
        )
    return text[:MAX_TEXT]


def check_before_reading(f: File, kind: str) -> None:
    """Refuse, in plain words, a file too big to read, from what can be known without parsing it."""
    if kind == "docx":
        _check_word_text_size(f)


def _check_word_text_size(f: File) -> None:
    size = unpacked_size(f).get("word/document.xml", 0)
    if size > MAX_WORD_XML:
        raise ValidationError(
            _("This document holds more text than we can read (%(size)s of it; at most %(most)s). "
              "Paste the part to check instead.")
            % {"size": human_size(size), "most": human_size(MAX_WORD_XML)}
        )


def _pdf_text(data: bytes) -> str:
    """The text of the first MAX_PDF_PAGES pages, stopping once MAX_TEXT characters are read."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    pages, length = [], 0
    for page in reader.pages[:MAX_PDF_PAGES]:
        pages.append(page.extract_text() or "")
        length += len(pages[-1])
        if length >= MAX_TEXT:
            break
    return "\n\n".join(pages)


# A heading is a short line of its own with no full stop, starting a paragraph or following a
# finished sentence, whose next line starts afresh (a capital or a number). A line ending in one
# of these words is a sentence broken across lines ("... contact the / Housing Office").
HEADING_WORDS = 12
_ENDS_SENTENCE_OR_CLAUSE = tuple(".!?,;:")
_CARRIES_ON = {"a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "our", "the", "to",
               "we", "will", "with", "you", "your",
               # and in Welsh: a line ending in one of these carries on too
               "ac", "am", "ar", "drwy", "ein", "eich", "ei", "er", "gan", "gyda", "i", "mewn", "neu", "o",
               "y", "yn", "yr", "wrth"}


def _is_heading(line: str, following: str, title: str) -> bool:
    if title and line.casefold() == title.strip().casefold():
        return True
    words = line.split()
    return (
        (following[:1].isupper() or following[:1].isdigit())
        and len(words) <= HEADING_WORDS and not line.endswith(_ENDS_SENTENCE_OR_CLAUSE)
        and words[-1].casefold() not in _CARRIES_ON
    )


def split_headings(text: str, title: str = "") -> tuple[list[str], list[str]]:
    """(headings, paragraphs): lines that are headings (the title among them) kept apart, and
    the rest of the text in paragraphs, so a heading is never read as part of a sentence."""
    lines = [line.strip() for line in text.splitlines()]
    headings: list[str] = []
    paragraphs: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        if not line:
            paragraphs.append([])
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        starts_afresh = not paragraphs[-1] or paragraphs[-1][-1].endswith(tuple(".!?"))
        if starts_afresh and _is_heading(line, following, title):
            headings.append(line)
            paragraphs.append([])
            continue
        paragraphs[-1].append(line)
    return headings, [" ".join(p) for p in paragraphs if p]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def word_count(sentence: str) -> int:
    return len(_WORD.findall(sentence))


@dataclass
class Report:
    reading_ease: float | None
    grade: float | None
    words: int
    sentence_count: int
    headings: list[str] = field(default_factory=list)
    long_sentences: list[str] = field(default_factory=list)
    jargon: list[tuple[str, str, int]] = field(default_factory=list)  # term, plain, times found
    marked: SafeString = mark_safe("")  # noqa: S308 - built from escaped text below
    formula_fits: bool = True  # False for a language the readability formulas were not made for

    @property
    def ease_label(self) -> str:
        if self.reading_ease is None:
            return _("Not enough text to measure")
        if self.reading_ease >= 60:
            return _("Plain: most people read it easily")
        if self.reading_ease >= 50:
            return _("Fairly hard")
        return _("Hard to read")


def _jargon_pattern(terms: list[tuple[str, str]]) -> re.Pattern | None:
    if not terms:
        return None
    # Longest first so "remedial works" wins over a shorter word inside it.
    ordered = sorted((t for t, _ in terms if t.strip()), key=len, reverse=True)
    body = "|".join(re.escape(t.strip()) for t in ordered)
    return re.compile(rf"(?<![\w-])({body})(?![\w-])", re.IGNORECASE)


def mark_jargon(text: str, terms: list[tuple[str, str]]) -> tuple[SafeString, list[tuple[str, str, int]]]:
    """The text as safe HTML with each jargon word in a <mark> giving its plain alternative,
    and (term, plain, times) for each word found. Everything else is escaped."""
    pattern = _jargon_pattern(terms)
    plain_for = {t.strip().lower(): p for t, p in terms}
    counts: dict[str, int] = {}
    if pattern is None:
        return mark_safe(escape(text)), []  # noqa: S308 - escaped
    out: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        out.append(escape(text[last:match.start()]))
        word = match.group(0)
        plain = plain_for.get(word.lower(), "")
        counts[word.lower()] = counts.get(word.lower(), 0) + 1
        out.append(format_html(
            '<mark class="jargon">{}<span class="visually-hidden"> {}</span></mark>',
            word, _("(jargon; plain words: %(plain)s)") % {"plain": plain},
        ))
        last = match.end()
    out.append(escape(text[last:]))
    found = [(t, plain_for[t], n) for t, n in counts.items()]
    return mark_safe("".join(out)), found  # noqa: S308 - every piece escaped


def jargon_for(language: str) -> list[tuple[str, str]]:
    """The jargon list for a document in `language`: (word, plain words) in English, or the
    Welsh words and plain Welsh of each jargon word that has a Welsh version."""
    from mysteryshop.models import JargonTerm
    from scrutiny.translated import WELSH, column

    if language == WELSH:
        rows = JargonTerm.objects.exclude(term_cy=None).exclude(term_cy="")
        return [(t, p or "") for t, p in rows.values_list(column("term", WELSH), column("plain", WELSH))]
    english = settings.LANGUAGE_CODE
    return [(t or "", p or "") for t, p in JargonTerm.objects.values_list(column("term", english),
                                                                        column("plain", english))]


def analyse(text: str, terms: list[tuple[str, str]], title: str = "", language: str = "en-gb") -> Report:
    """Readability, long sentences and jargon for a text in `language`; headings (the document's
    `title` among them) are counted apart and left out of the sentences and the readability
    figures, which are only worked out for a language the formulas were made for."""
    text = (text or "").strip()
    headings, paragraphs = split_headings(text, title)
    body = "\n\n".join(paragraphs) if headings else text
    parts = [s for paragraph in paragraphs for s in sentences(paragraph)]
    words = sum(word_count(s) for s in parts)
    ease = grade = None
    fits = language in FORMULA_LANGUAGES
    if fits and words >= 10:
        ease = round(float(textstat_rs.flesch_reading_ease(body)), 1)
        grade = round(float(textstat_rs.flesch_kincaid_grade(body)), 1)
    marked, found = mark_jargon(text, terms)
    return Report(
        reading_ease=ease, grade=grade, words=words + sum(word_count(h) for h in headings),
        sentence_count=len(parts), headings=headings,
        long_sentences=[s for s in parts if word_count(s) > LONG_SENTENCE_WORDS],
        jargon=found, marked=marked, formula_fits=fits,
    )

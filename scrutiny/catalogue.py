"""The Welsh catalogue: which files hold words people see, and how to find words left unmarked.

`python -m scrutiny.catalogue` (`make messages`) brings locale/cy/LC_MESSAGES/*.po up to date
with the code: new strings appear there untranslated, and the test suite fails until each has
its Welsh (tests/scrutiny/test_catalogue.py). tests/scrutiny/test_translations_marked.py uses
`unmarked_in_template` and `unmarked_in_python` to fail on words not marked for translation."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WELSH = "cy"
# Not part of the product people see: the tests, the benchmarks, tools' caches, collected and
# vendored static files.
IGNORED = [".venv", "staticfiles", "static/vendor", "node_modules", "tests", "var", "bench", ".tools",
           "media", "test-results"]

# Words that are the same in both languages: the product's name, file formats, codes, and the
# language link, which names each language in itself.
SAME_IN_BOTH = {"Scrutiny", "PDF", "CSV", "ZIP", "JSON", "Atom", "TSM", "SVG", "QR", "BSL", "OGL",
                "Cymraeg", "English", "org-id", "htmx", "WebAuthn", "Charter", "ID"}


def make_messages(root: Path = ROOT) -> None:
    """Run makemessages for both catalogues of the checkout at `root` (a copy, in the tests)."""
    ignore = [f"--ignore={pattern}" for pattern in IGNORED]
    for domain in ("django", "djangojs"):
        command = [sys.executable, "manage.py", "makemessages", "-d", domain, "-l", WELSH, "--no-obsolete"]
        subprocess.run([*command, *ignore], cwd=root, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def template_files() -> list[Path]:
    found = [*ROOT.glob("templates/**/*"), *ROOT.glob("*/templates/**/*")]
    return sorted(
        path for path in found
        if path.suffix in {".html", ".txt"} and path.is_file() and ".venv" not in path.parts
        # Django's admin is for superusers (an override of its templates stays in English).
        and "admin" not in path.relative_to(ROOT).parts[:2]
    )


def python_files() -> list[Path]:
    skipped = {"migrations", "management", "tests"}
    found = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in {*IGNORED, "locale", "locale-libraries"} or skipped & set(relative.parts):
            continue
        # Demo and scale data are what a landlord would write, not the product's words.
        if re.match(r"(seed|demo|scale)", path.stem):
            continue
        found.append(path)
    return sorted(found)


def has_words(text: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]", text.replace("\x00", " "))
    return any(word not in SAME_IN_BOTH for word in words)


# --- Templates ------------------------------------------------------------------------------------

VISIBLE_ATTRIBUTES = {"alt", "title", "placeholder", "aria-label", "aria-description", "aria-roledescription",
                      "aria-valuetext", "label"}
_COMMENT = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
_BLOCK_TRANSLATE = re.compile(r"{%\s*blocktrans(late)?\b.*?%}.*?{%\s*endblocktrans(late)?\s*%}", re.S)
_TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
_HIDDEN = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []

    def handle_data(self, data: str) -> None:
        if has_words(data):
            self.found.append((self.getpos()[0], data.strip()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        for name, value in attrs:
            # An input button shows its value; a <button> shows its content, not its value.
            button = tag == "input" and named.get("type") in {"submit", "button", "reset"}
            shown = name in VISIBLE_ATTRIBUTES or (name == "value" and button) or (
                name == "content" and tag == "meta" and named.get("name") == "description")
            if shown and value and has_words(value):
                self.found.append((self.getpos()[0], f'{name}="{value}"'))

    handle_startendtag = handle_starttag


def unmarked_in_template(source: str, *, html: bool = True) -> list[tuple[int, str]]:
    """(line, text) for each piece of text with words that no translation tag covers."""

    def blank(match: re.Match[str]) -> str:
        # Keep the line count, so the lines reported are the file's.
        return "\x00" + "\n" * match.group(0).count("\n")

    text = _COMMENT.sub(blank, source)
    text = _BLOCK_TRANSLATE.sub(blank, text)
    text = _TAG.sub(blank, text)
    if not html:
        return [(number, line.strip()) for number, line in enumerate(text.splitlines(), 1) if has_words(line)]
    text = _HIDDEN.sub(blank, text)
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.found


# --- Python ---------------------------------------------------------------------------------------

TRANSLATING = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext", "pgettext_lazy",
               "npgettext", "npgettext_lazy", "format_lazy"}
MESSAGE_FUNCTIONS = {"debug", "info", "success", "warning", "error"}
SHOWN_KEYWORDS = {"label", "help_text", "verbose_name", "verbose_name_plural", "empty_label", "subject",
                  "empty_value_display"}


def _name(node: ast.AST | None) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _literal_words(node: ast.AST | None) -> bool:
    """A string written out in the code (not passed through gettext) that holds words."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return has_words(node.value)
    if isinstance(node, ast.JoinedStr):
        return any(_literal_words(value) for value in node.values)
    if isinstance(node, ast.BinOp):  # "..." % values, "..." + "..."
        return _literal_words(node.left) or (isinstance(node.op, ast.Add) and _literal_words(node.right))
    return False


def _text_outside_html(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return has_words(re.sub(r"<[^>]*>|{[^}]*}", " ", node.value))
    return False


class _Finder(ast.NodeVisitor):
    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []

    def _flag(self, node: ast.AST, why: str) -> None:
        self.found.append((getattr(node, "lineno", 0), why))

    def visit_Call(self, node: ast.Call) -> None:  # noqa: C901 - one case per way words are shown
        called = _name(node.func)
        if called in TRANSLATING:
            return  # what is inside is marked
        module = node.func.value if isinstance(node.func, ast.Attribute) else None
        shown_message = called in MESSAGE_FUNCTIONS and _name(module) == "messages" and len(node.args) >= 2
        if shown_message and _literal_words(node.args[1]):
            self._flag(node, f"messages.{called}() text")
        if called == "add_message" and len(node.args) >= 3 and _literal_words(node.args[2]):
            self._flag(node, "messages.add_message() text")
        if called in {"ValidationError", "PermissionDenied"} and node.args:
            first = node.args[0]
            values = first.values if isinstance(first, ast.Dict) else [first]
            if any(_literal_words(value) for value in values):
                self._flag(node, f"{called}() text")
        if called == "add_error" and len(node.args) >= 2 and _literal_words(node.args[1]):
            self._flag(node, "add_error() text")
        if called.endswith("Field") and node.args and _literal_words(node.args[0]):
            self._flag(node, f"{called}'s verbose name")
        if called == "format_html" and node.args and _text_outside_html(node.args[0]):
            self._flag(node, "format_html() text")
        for keyword in node.keywords:
            if keyword.arg in SHOWN_KEYWORDS and _literal_words(keyword.value):
                self._flag(keyword.value, f"{keyword.arg}=")
            if keyword.arg == "choices" and isinstance(keyword.value, ast.List | ast.Tuple):
                for choice in keyword.value.elts:
                    pair = isinstance(choice, ast.Tuple) and len(choice.elts) == 2
                    if pair and _literal_words(choice.elts[1]):
                        self._flag(choice, "choice label")
            errors = keyword.arg == "error_messages" and isinstance(keyword.value, ast.Dict)
            if errors and any(_literal_words(value) for value in keyword.value.values):
                self._flag(keyword.value, "error_messages")
        self.generic_visit(node)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        bases = {_name(base) for base in node.bases}
        for statement in node.body:
            if not isinstance(statement, ast.Assign):
                continue
            targets = {_name(target) for target in statement.targets}
            value = statement.value
            choice = bases & {"TextChoices", "IntegerChoices", "Choices"} and isinstance(value, ast.Tuple)
            if choice and len(value.elts) >= 2 and _literal_words(value.elts[-1]):
                self._flag(statement, "choice label")
            if targets & {"verbose_name", "verbose_name_plural"} and _literal_words(value):
                self._flag(statement, "Meta verbose name")
        self.generic_visit(node)


def unmarked_in_python(source: str) -> list[tuple[int, str]]:
    """(line, what) for each string a person sees that is not passed through gettext."""
    finder = _Finder()
    finder.visit(ast.parse(source))
    return finder.found


def compile_without_gettext() -> None:
    """Compile each .po of locale/ and locale-libraries/ to its .mo with polib, for a machine
    with no GNU gettext (compilemessages needs its msgfmt)."""
    import polib  # type: ignore[import-untyped]

    catalogues = [*ROOT.glob("locale/*/LC_MESSAGES/*.po"), *ROOT.glob("locale-libraries/*/LC_MESSAGES/*.po")]
    for po_path in catalogues:
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == ["compile"]:
        compile_without_gettext()
    else:
        make_messages()

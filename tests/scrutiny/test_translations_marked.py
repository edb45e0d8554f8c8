"""Every word a person sees is marked for translation, so the Welsh catalogue can hold it: a
template's text and visible attributes sit inside translation tags, and the Python strings that
reach a page (messages, form labels and errors, choices, verbose names, email subjects) pass
through gettext. One test per file: `-k reviews` checks one area."""

import pytest

from scrutiny.catalogue import (
    ROOT,
    has_words,
    python_files,
    template_files,
    unmarked_in_python,
    unmarked_in_template,
)


def _listed(found):
    return "\n".join(f"  line {line}: {text.replace(chr(0), '…')[:100]}" for line, text in found)


@pytest.mark.parametrize("path", template_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_template_words_are_marked_for_translation(path):
    found = unmarked_in_template(path.read_text(), html=path.suffix == ".html")
    assert not found, f"{path.relative_to(ROOT)} has words no translation tag covers:\n{_listed(found)}"


@pytest.mark.parametrize("path", python_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_python_words_people_see_are_marked_for_translation(path):
    found = unmarked_in_python(path.read_text())
    assert not found, f"{path.relative_to(ROOT)} shows strings not passed through gettext:\n{_listed(found)}"


def test_the_check_finds_unmarked_template_words_and_passes_marked_ones():
    page = """{% load i18n %}<h1>Reviews</h1><p>{% translate "Findings" %}</p>
    <img alt="A chart" src="{{ src }}"><input type="submit" value="Save">
    <input type="text" value="{{ typed }}">{% blocktranslate trimmed %}Due {{ when }}{% endblocktranslate %}
    {# a comment #}<script>let text = "not shown";</script><p>{{ name }} · 12</p>"""
    found = [text for _line, text in unmarked_in_template(page)]
    assert found == ["Reviews", 'alt="A chart"', 'value="Save"']


def test_the_check_reads_plain_text_templates_line_by_line():
    email = "{% load i18n %}{% translate 'Hello' %} {{ name }},\nYour visit is due.\n{{ link }}\n"
    assert unmarked_in_template(email, html=False) == [(2, "Your visit is due.")]


def test_the_check_finds_unmarked_python_strings_and_passes_marked_ones():
    source = '''
from django.utils.translation import gettext as _
class Stage(models.TextChoices):
    DRAFT = "draft", "Draft"
    OPEN = "open", _("Open")
def view(request):
    messages.success(request, "Saved.")
    messages.success(request, _("Saved."))
    messages.info(request, _("%(n)s saved.") % {"n": 1})
    name = forms.CharField(label="Your name", help_text=_("As others see it."))
    raise ValidationError({"name": "Say who you are."})
'''
    found = [(line, what) for line, what in unmarked_in_python(source)]
    assert found == [
        (4, "choice label"), (7, "messages.success() text"), (10, "label="), (11, "ValidationError() text"),
    ]


def test_names_of_formats_and_the_language_link_need_no_translation():
    assert not has_words("PDF · CSV · Cymraeg")
    assert has_words("Download the PDF")

"""The Welsh catalogue is complete: every string marked in the code is in it, each has its Welsh
(none left empty or fuzzy), and so has every word of Django and the other libraries that people
see where those libraries ship no Welsh (scrutiny/words_from_libraries.py)."""

import shutil

import polib
import pytest
from django.utils import translation
from django.utils.translation import ngettext

from scrutiny.catalogue import IGNORED, ROOT, make_messages
from scrutiny.words_from_libraries import shown_without_welsh

CATALOGUES = [ROOT / "locale/cy/LC_MESSAGES/django.po", ROOT / "locale/cy/LC_MESSAGES/djangojs.po",
              ROOT / "locale-libraries/cy/LC_MESSAGES/django.po"]


def _translated(entry):
    if entry.msgid_plural:
        return len(entry.msgstr_plural) == 4 and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def _keys(path):
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path))}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_welsh_entry_has_its_welsh_and_none_is_fuzzy(path):
    catalogue = polib.pofile(str(path))
    assert len(catalogue) > 0
    left = [entry.msgid[:70] for entry in catalogue if not _translated(entry) or "fuzzy" in entry.flags]
    assert not left, f"{path.relative_to(ROOT)}: {len(left)} with no Welsh or fuzzy Welsh: {left[:20]}"


def test_the_catalogue_holds_every_string_marked_in_the_code(tmp_path):
    """makemessages run on a copy of the code gives exactly the catalogue's entries: none missing
    (a string marked since, with no Welsh), none left over (a string no longer in the code)."""
    copy = tmp_path / "code"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(*IGNORED, ".git", "*.mo", "__pycache__"))
    make_messages(copy)
    for domain in ("django", "djangojs"):
        committed = _keys(ROOT / f"locale/cy/LC_MESSAGES/{domain}.po")
        fresh = _keys(copy / f"locale/cy/LC_MESSAGES/{domain}.po")
        assert not fresh - committed, f"{domain}: marked in the code, not in the catalogue (make messages)"
        assert not committed - fresh, f"{domain}: in the catalogue, no longer in the code (make messages)"


def test_the_libraries_words_people_see_have_their_welsh():
    ours = {(entry.msgctxt, entry.msgid): entry for entry in
            polib.pofile(str(ROOT / "locale-libraries/cy/LC_MESSAGES/django.po"))}
    needed = shown_without_welsh()
    assert len(needed) > 100  # Django's validators and auth, django-filter, axes, history, django-otp
    missing = [entry.msgid for entry in needed if (entry.msgctxt, entry.msgid) not in ours]
    assert not missing


def test_a_library_word_and_djangos_own_welsh_reach_the_page():
    with translation.override("cy"):
        assert translation.gettext("This password is too common.") == "Mae'r cyfrinair hwn yn rhy gyffredin."
        assert translation.gettext("This field is required.") == "Mae angen y maes hwn."


def test_welsh_plurals_have_four_forms_one_two_other_and_eight_or_eleven():
    header = polib.pofile(str(CATALOGUES[0])).metadata["Plural-Forms"]
    assert header.startswith("nplurals=4;")
    with translation.override("cy"):
        forms = [ngettext("%(num)d day", "%(num)d days", n) % {"num": n} for n in (1, 2, 3, 8)]
    assert forms == ["1 diwrnod", "2 ddiwrnod", "3 diwrnod", "8 diwrnod"]

"""Translations looked up in one step give what Django's own lookup gives, word for word."""

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from scrutiny import quick_translations


def _fresh(language):
    """Django's translations built anew, not quickened."""
    return trans_real.DjangoTranslation(language)


@pytest.mark.parametrize("language", ["en-gb", "cy"])
def test_every_word_translates_as_django_translates_it(language):
    quick = quick_translations.quicken(_fresh(language))
    django_own = _fresh(language)
    # (.keys(): a catalogue of catalogues is not iterable itself)
    words = {key for key in django_own._catalog.keys() if isinstance(key, str) and key}  # noqa: SIM118
    words |= {"Home", "A sentence no catalogue holds", "Skip to main content"}
    assert len(words) > 100
    for word in words:
        assert quick.gettext(word) == django_own.gettext(word), word
    for number in (0, 1, 2, 3, 6, 11):
        assert quick.ngettext("%(count)s member", "%(count)s members", number) == django_own.ngettext(
            "%(count)s member", "%(count)s members", number)
        assert quick.ngettext("no such word", "no such words", number) == django_own.ngettext(
            "no such word", "no such words", number)


def test_a_word_missing_everywhere_is_found_missing_in_one_step():
    english = quick_translations.quicken(_fresh("en-gb"))
    welsh = quick_translations.quicken(_fresh("cy"))
    assert english._fallback is None  # the empty English catalogues behind it are gone
    assert welsh._fallback is not None and welsh._fallback._fallback is None  # Welsh, then English
    assert welsh.gettext("A sentence no catalogue holds") == "A sentence no catalogue holds"


def test_pages_use_quickened_translations():
    with translation.override("cy"):
        assert translation.gettext("Home") == _fresh("cy").gettext("Home") != "Home"
        assert isinstance(trans_real.translation("cy")._catalog, quick_translations.QuickCatalog)

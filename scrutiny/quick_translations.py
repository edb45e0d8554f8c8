"""Looking up a word's translation in one step instead of a dozen, with the same result.

A page asks for hundreds of translations (every `{% translate %}`, every choice's label). Django
builds each language's translations from many catalogues (its own, each app's, each library's),
and two things made each lookup walk all of them:

- it keeps the catalogues apart when their plural rules are written differently (and, as it
  compares a rule's code with a function, always does), so a word is looked for in each in turn,
  twice over (as a word and as the singular of a plural);
- Python's gettext adds each library's empty `en` catalogue (only a header) behind its `en_GB`
  one, so a word found nowhere, such as every English word on an English page, was then looked
  for in five empty catalogues, each with its plural rule worked out again.

`quicken()` gives a language's translations one dictionary holding every catalogue's entries,
the first catalogue's winning as in Django's search, and drops the empty catalogues behind
them: a catalogue with nothing but its header translates nothing, and a word found nowhere comes
back unchanged with or without it. Plurals are still chosen catalogue by catalogue, each by its
own rule. `install()` quickens each language's translations as Django first builds them.
"""

from __future__ import annotations

import gettext
from typing import Any

from django.utils.translation import trans_real

_MISSING = object()


class QuickCatalog(trans_real.TranslationCatalog):
    """Django's catalogue of catalogues, with a merged dictionary for looking words up."""

    def __init__(self, catalogue: trans_real.TranslationCatalog) -> None:
        self._catalogs = catalogue._catalogs
        self._plurals = catalogue._plurals
        self._merge()

    def _merge(self) -> None:
        merged: dict[Any, Any] = {}
        for each in reversed(self._catalogs):  # the first catalogue holding a word wins
            merged.update(each)
        self._merged = merged

    def __getitem__(self, key: Any) -> Any:
        return self._merged[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(key, value)
        self._merge()

    def __contains__(self, key: Any) -> bool:
        return key in self._merged

    def update(self, trans: Any) -> None:
        super().update(trans)
        self._merge()

    def get(self, key: Any, default: Any = None) -> Any:
        return self._merged.get(key, default)


def _empty(translations: Any) -> bool:
    """A plain catalogue holding nothing but its header (the empty message id)."""
    if type(translations) is not gettext.GNUTranslations:
        return False
    catalogue = getattr(translations, "_catalog", None)
    return isinstance(catalogue, dict) and all(key == "" for key in catalogue)


def quicken(translations: Any) -> Any:
    """The same translations, looked up in one step (see above); done once per object."""
    if getattr(translations, "_quickened", False):
        return translations
    node = translations
    while node is not None:
        while _empty(node._fallback):
            node._fallback = node._fallback._fallback
        if isinstance(getattr(node, "_catalog", None), trans_real.TranslationCatalog) and not isinstance(
            node._catalog, QuickCatalog
        ):
            node._catalog = QuickCatalog(node._catalog)
        node = node._fallback
    translations._quickened = True
    return translations


_django_translation = trans_real.translation


def _quick_translation(language: str) -> Any:
    return quicken(_django_translation(language))


def install() -> None:
    """Quicken every language's translations as Django builds them (from the app's ready())."""
    trans_real.translation = _quick_translation

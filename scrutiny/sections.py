"""Sections later apps add to an earlier app's page, named by dotted path in a setting (such as
HOME_SECTIONS or REVIEW_PAGE_SECTIONS), so the earlier app never imports the later ones
(DESIGN.md's one-way order)."""

from typing import Any

from django.conf import settings
from django.utils.module_loading import import_string


def page_sections(setting: str, *args: Any) -> list[Any]:
    """Call each function named in `settings.<setting>` with `args`, keeping what each returns
    unless it is empty (None: nothing to show this person here)."""
    found = []
    for path in getattr(settings, setting, ()):
        section = import_string(path)(*args)
        if section:
            found.append(section)
    return found

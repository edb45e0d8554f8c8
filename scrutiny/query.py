"""Numbers read from a page's address (its query string). A value no link of ours would carry
(a year of 99999999999, "abc", 1e309) is None, so the page falls back to its default rather
than failing: int() takes "99999999999" but the database cannot."""

from __future__ import annotations

from django.http import QueryDict


def number_in(query: QueryDict, name: str, *, low: int, high: int) -> int | None:
    """The whole number `name` in the query string if it is one from `low` to `high`, else None."""
    text = query.get(name, "").strip()
    if not (text.isascii() and text.lstrip("-").isdigit()) or len(text) > 20:
        return None
    number = int(text)
    return number if low <= number <= high else None

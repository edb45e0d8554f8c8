"""Addresses of pages by name, as django.urls.reverse gives them, worked out once per name.

Django's reverse() costs about 40 µs of CPU each time (it tries the name's patterns one by one),
and a list page asks for hundreds: a panel's 50 members with three links each took 6 ms. An
address whose values are all whole numbers (ids, page numbers) differs from another of the same
name only in those numbers, so it is worked out once with stand-in numbers and kept in this
process as text around them; later calls only put the numbers in. Anything else (text values,
an address the stand-ins do not fit) goes to Django's reverse() as before."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf
from django.urls import reverse as django_reverse
from django.utils.translation import get_language

# Stand-ins: long enough that no other part of an address holds them by chance.
STAND_IN = 918_273_645_000

# (urlconf when not the settings' own, script prefix, language (it is in the address), name,
# current app, how many args, kwargs' names) -> the text before the first value and, for each
# value in the order it appears, (its place in the call, the text after it); None for an address
# always left to Django's reverse().
Shape = tuple[str, tuple[tuple[int, str], ...]]
_kept: dict[tuple, Shape | None] = {}


def _whole_numbers(values: Iterable[Any]) -> bool:
    return all(type(value) is int and value >= 0 for value in values)


def _work_out(
    viewname: str, arg_count: int, kwarg_names: tuple[str, ...], current_app: str | None
) -> Shape | None:
    stand_ins = [STAND_IN + place for place in range(arg_count + len(kwarg_names))]
    try:
        address = django_reverse(
            viewname, args=stand_ins[:arg_count],
            kwargs=dict(zip(kwarg_names, stand_ins[arg_count:], strict=True)), current_app=current_app,
        )
    except NoReverseMatch:
        return None  # Django's reverse() will say why, with the real values
    found = []
    for place, stand_in in enumerate(stand_ins):
        text = str(stand_in)
        if address.count(text) != 1:
            return None
        found.append((address.index(text), place, len(text)))
    found.sort()
    start = found[0][0] if found else len(address)
    after = []
    for number, (at, place, length) in enumerate(found):
        end = found[number + 1][0] if number + 1 < len(found) else len(address)
        after.append((place, address[at + length:end]))
    return address[:start], tuple(after)


def reverse(
    viewname: str,
    args: Iterable[Any] | None = None,
    kwargs: dict[str, Any] | None = None,
    current_app: str | None = None,
) -> str:
    """The address of the page named `viewname`: the same as django.urls.reverse gives."""
    args = tuple(args or ())
    kwargs = kwargs or {}
    if not isinstance(viewname, str) or not _whole_numbers(args) or not _whole_numbers(kwargs.values()):
        return django_reverse(viewname, args=args, kwargs=kwargs, current_app=current_app)
    names = tuple(kwargs)
    key = (get_urlconf(), get_script_prefix(), get_language(), viewname, current_app, len(args), names)
    try:
        shape = _kept[key]
    except KeyError:
        shape = _kept[key] = _work_out(viewname, len(args), names, current_app)
    if shape is None:
        return django_reverse(viewname, args=args, kwargs=kwargs, current_app=current_app)
    values = (*args, *kwargs.values())
    before, after = shape
    return before + "".join(f"{values[place]}{text}" for place, text in after)


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    """Tests that change the URLs or the script prefix see addresses worked out afresh."""
    _kept.clear()

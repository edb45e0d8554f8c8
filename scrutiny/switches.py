"""Site switches: on/off choices an administrator makes on the site settings page.

An app adds its own with `register(...)` (in its AppConfig.ready()), and reads it with
`is_on(key)`; the settings page shows every registered switch, so no page or migration
changes when an app adds one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Switch:
    key: str
    label: StrOrPromise  # lazy: said in the settings page's language
    help_text: StrOrPromise = ""
    default: bool = False


_SWITCHES: dict[str, Switch] = {}


def register(*, key: str, label: StrOrPromise, help_text: StrOrPromise = "", default: bool = False) -> Switch:
    """Add a switch to the site settings page (registering the same key again replaces it)."""
    switch = Switch(key=key, label=label, help_text=help_text, default=default)
    _SWITCHES[key] = switch
    return switch


def registered() -> list[Switch]:
    """Every registered switch, in the order they were added."""
    return list(_SWITCHES.values())


def is_on(key: str) -> bool:
    """Whether the administrator has switched this on (its default until they choose)."""
    from scrutiny.models import SiteSettings

    switch = _SWITCHES[key]
    return bool(SiteSettings.load().switches.get(key, switch.default))

"""A browser's name in plain words, from what it says of itself (its User-Agent), by ua-parser's
rules (uap-core), so that someone can tell their phone's session from their laptop's."""

from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ua_parser import parse

UNKNOWN = gettext_lazy("An unknown browser")
GENERIC_DEVICES = {"Other", "Generic Smartphone", "Generic Tablet", "Generic Feature Phone", "Spider"}


def describe(user_agent: str) -> str:
    """For example "Chrome Mobile on Android 14 (Pixel 8)" or "Edge on Windows 10", in the
    active language (remembered per language)."""
    return _describe(user_agent, translation.get_language() or "")


@lru_cache(maxsize=512)
def _describe(user_agent: str, language: str) -> str:
    found = parse(user_agent[:500])
    if found.user_agent is None and found.os is None:
        return str(UNKNOWN)
    browser = found.user_agent.family if found.user_agent else _("A browser")
    words = browser
    if found.os is not None:
        system = found.os.family + (f" {found.os.major}" if found.os.major else "")
        if found.os.family in ("iOS", "Mac OS X") and found.os.minor:
            system += f".{found.os.minor}"
        words = _("%(browser)s on %(system)s") % {"browser": browser, "system": system}
    device = found.device.family if found.device else ""
    if device and device not in GENERIC_DEVICES and device not in words:
        words += f" ({device})"
    return words

"""A browser's name in plain words, from what it says of itself (its User-Agent), by ua-parser's
rules (uap-core), so that someone can tell their phone's session from their laptop's."""

from functools import lru_cache

from ua_parser import parse

UNKNOWN = "An unknown browser"
GENERIC_DEVICES = {"Other", "Generic Smartphone", "Generic Tablet", "Generic Feature Phone", "Spider"}


@lru_cache(maxsize=512)
def describe(user_agent: str) -> str:
    """For example "Chrome Mobile on Android 14 (Pixel 8)" or "Edge on Windows 10"."""
    found = parse(user_agent[:500])
    if found.user_agent is None and found.os is None:
        return UNKNOWN
    words = found.user_agent.family if found.user_agent else "A browser"
    if found.os is not None:
        words += f" on {found.os.family}" + (f" {found.os.major}" if found.os.major else "")
        if found.os.family in ("iOS", "Mac OS X") and found.os.minor:
            words += f".{found.os.minor}"
    device = found.device.family if found.device else ""
    if device and device not in GENERIC_DEVICES and device not in words:
        words += f" ({device})"
    return words

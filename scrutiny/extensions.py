"""What each app adds to other apps' pages and commands: one registry.

An app never imports the apps above it (see the import-linter contract in pyproject.toml), so a
page of a lower app that shows something of a higher one asks here. The higher app says what it
adds in its AppConfig.ready(), so reading one apps.py shows everything an app adds elsewhere:

    extensions.register(extensions.REVIEW_PAGE_LINKS, "recommendations.review_page.links")

A thing is a dotted path to a function (imported when first used) or, for the kinds that are
plain data, the data itself. Things come out in the order they were registered: Django runs the
apps' ready() in their INSTALLED_APPS order, so that is the apps' order, then each app's own.
`order=` (lower first, 0 unless given) puts a thing earlier or later than that where the order
matters to people, such as the demo seeds or the main menu.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.utils.module_loading import import_string

# Each kind: what a thing of that kind is, and what the page or command does with it.
HOME_SECTIONS = "home sections"  # (user) -> {"template", ...}, {"html"} (kept) or None: parts of home
HOME_LINKS = "home links"  # (user) -> [{"label", "url"}]: the home page's "Your account" list
MENU_LINKS = "menu links"  # {"label", "url_name", "app"}: the main menu of every page
ACCOUNT_MENU = "account menu"  # a template: the signed-in person's own part of the page header
FOOTER_LINKS = "footer links"  # (user) -> {"label", "url"} or None: links in every page's footer
PUBLIC_PAGES = "public pages"  # () -> {"title", "url", "about"} or None: linked from sign-in
REVIEW_PAGE_LINKS = "review page links"  # (review, user) -> [{"label", "url"}]
REVIEW_PAGE_SECTIONS = "review page sections"  # (review, user) -> {"template", "title"} or None
PANEL_PAGE_SECTIONS = "panel page sections"  # (panel, user) -> {"template", ...} or None
FINDING_PAGE_SECTIONS = "finding page sections"  # (finding, user) -> {"template", ...} or None
FRAMEWORK_PAGE_LINKS = "framework page links"  # (framework, user) -> [{"label", "url"}]
# (fields) -> fields: checks of the site settings' regulator codes and tenures, tidying them or
# raising ValidationError naming the field
SITE_SETTINGS_CHECKS = "site settings checks"
# (outcome_ids=..., user=...) -> {outcome id: [{"label", "url", "status"}]}: a to-do list's links
ASSESSMENT_OUTCOME_LINKS = "assessment outcome links"
# (assessment=..., outcomes={id: code}, user=...) -> {outcome id: [{"label", "url"}]}: the buttons
# beside a weakness on a self-assessment's results, for someone who may plan actions
ASSESSMENT_RESULT_LINKS = "assessment result links"
TRACKER_PARTS = "tracker parts"  # a template shown on the recommendations tracker, under its downloads
PERSONAL_DATA_SECTIONS = "personal data sections"  # (user) -> (title, data): "download my data"
PERSONAL_DATA_ERASERS = "personal data erasers"  # (user) -> None: extra steps of erase_person
LARGE_EXPORT_HANDLER = "large export handler"  # (request, fmt) -> response: big tracker exports
ADMINISTRATION_PAGES = "administration pages"  # (title, URL name, what it is for)
AUDITED_DOWNLOADS = "audited downloads"  # (URL name, audit kind): downloads the audit trail notes
DEMO_SEEDS = "demo seeds"  # (password=..., people=...) -> {key: user}: steps of seed_demo
SCALE_SEEDS = "scale seeds"  # (plan) -> None: steps of seed_scale (see scrutiny/scale.py)

KINDS = (
    HOME_SECTIONS, HOME_LINKS, MENU_LINKS, ACCOUNT_MENU, FOOTER_LINKS, PUBLIC_PAGES,
    REVIEW_PAGE_LINKS, REVIEW_PAGE_SECTIONS, PANEL_PAGE_SECTIONS, FINDING_PAGE_SECTIONS,
    FRAMEWORK_PAGE_LINKS, SITE_SETTINGS_CHECKS,
    ASSESSMENT_OUTCOME_LINKS, ASSESSMENT_RESULT_LINKS, TRACKER_PARTS, PERSONAL_DATA_SECTIONS,
    PERSONAL_DATA_ERASERS, LARGE_EXPORT_HANDLER, ADMINISTRATION_PAGES, AUDITED_DOWNLOADS,
    DEMO_SEEDS, SCALE_SEEDS,
)


@dataclass(frozen=True)
class _Entry:
    thing: Any
    order: int
    added: int


_ENTRIES: dict[str, list[_Entry]] = {kind: [] for kind in KINDS}
_added = 0


def register(kind: str, thing: Any, *, order: int = 0) -> None:
    """Add `thing` to `kind` (registering the same thing again does nothing)."""
    global _added
    if kind not in _ENTRIES:
        raise ValueError(f"There is no kind of extension called {kind!r}.")
    if any(entry.thing == thing for entry in _ENTRIES[kind]):
        return
    _added += 1
    _ENTRIES[kind].append(_Entry(thing=thing, order=order, added=_added))


def registered(kind: str) -> list[Any]:
    """Everything registered as `kind`, in order (see the module's note)."""
    entries = sorted(_ENTRIES[kind], key=lambda entry: (entry.order, entry.added))
    return [entry.thing for entry in entries]


def functions(kind: str) -> list[Callable[..., Any]]:
    """The functions registered as `kind`, imported."""
    return [import_string(thing) if isinstance(thing, str) else thing for thing in registered(kind)]


def sections(kind: str, *args: Any) -> list[Any]:
    """Call each function of `kind` with `args`, keeping what each returns unless it is empty
    (None: nothing to show this person here)."""
    return [found for function in functions(kind) if (found := function(*args))]


def links(kind: str, *args: Any) -> list[Any]:
    """Call each function of `kind` with `args`: every link they return, in one list."""
    return [link for function in functions(kind) for link in function(*args)]


@contextmanager
def override(kind: str, things: list[Any]) -> Iterator[None]:
    """For tests: `kind` holds only `things` (in that order) until the block ends."""
    kept = _ENTRIES[kind]
    _ENTRIES[kind] = [
        _Entry(thing=thing, order=0, added=index) for index, thing in enumerate(things)
    ]
    try:
        yield
    finally:
        _ENTRIES[kind] = kept


"""What later apps add to the site's own templates (scrutiny/extensions.py), so that a core page
names no app's URL or template: `{% registered "menu links" as links %}`."""

from typing import Any

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from scrutiny import extensions

register = template.Library()

# Each menu as drawn, by what it reads (see main_menu); a few hundred at most in a process.
_menus: dict[tuple, SafeString] = {}


@register.simple_tag
def registered(kind: str) -> list[Any]:
    """Everything registered as `kind` (plain data, such as the menu's links or templates)."""
    return extensions.registered(kind)


@register.simple_tag
def extension_sections(kind: str, *args: Any) -> list[Any]:
    """What each function registered as `kind` returns for `args`, leaving out the empty ones."""
    return extensions.sections(kind, *args)


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context, name: str) -> SafeString:
    """The template `name` (the main menu's links), drawn once per process for each set of what it
    reads: the language, whether the person is a site administrator, which page this is and the
    links registered. Drawing it took a reverse() and a translation per link on every page."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    user = context.get("user")
    links = extensions.registered(extensions.MENU_LINKS)
    key = (
        name, get_language(), get_urlconf(), get_script_prefix(),
        bool(getattr(user, "is_site_admin", False)),
        getattr(match, "url_name", None), getattr(match, "app_name", None), getattr(match, "namespace", None),
        getattr(request, "current_app", None),
        tuple(map(id, links)),
    )
    try:
        return _menus[key]
    except KeyError:
        assert context.template is not None  # noqa: S101 - a tag is always drawn within a template
        with context.push():
            drawn = _menus[key] = context.template.engine.get_template(name).render(context)
        return drawn


@receiver(setting_changed)
def _forget(**kwargs: Any) -> None:
    """Tests that change the URLs or the languages see the menu drawn afresh."""
    _menus.clear()

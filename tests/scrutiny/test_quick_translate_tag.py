"""{% translate %} draws the same text as Django's own tag, in each language and escaping mode."""

import pytest
from django.template import Context, Engine, engines
from django.utils import translation

from scrutiny.templatetags.quick_i18n import QuickTranslateNode

SOURCE = (
    '{% load i18n %}{% translate "Home" %}|{% translate "Skip to main content" %}|'
    '{% translate "100% & <b>" %}|{% translate "Menu" as menu %}{{ menu }}|'
    '{% translate "Home"|lower %}|{% translate "May" context "month name" %}|{% translate "Home" noop %}'
)


def _django_engine(autoescape):
    return Engine(autoescape=autoescape, libraries={"i18n": "django.templatetags.i18n"})


@pytest.mark.parametrize("language", ["en-gb", "cy"])
@pytest.mark.parametrize("autoescape", [True, False])
def test_the_tag_draws_what_djangos_draws(language, autoescape):
    ours = Engine(autoescape=autoescape, libraries={"i18n": "scrutiny.templatetags.quick_i18n"})
    with translation.override(language):
        assert ours.from_string(SOURCE).render(Context()) == _django_engine(autoescape).from_string(
            SOURCE).render(Context())


def test_pages_load_the_quick_tag():
    template = engines["django"].from_string('{% load i18n %}{% translate "Home" %}')
    nodes = template.template.nodelist.get_nodes_by_type(QuickTranslateNode)
    assert len(nodes) == 1
    with translation.override("cy"):
        assert template.render({}) == translation.gettext("Home") != "Home"

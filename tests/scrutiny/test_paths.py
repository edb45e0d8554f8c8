"""Addresses worked out once per name (scrutiny/paths.py) are those Django's reverse() gives."""

import pytest
from django.template import engines
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix

from scrutiny import paths


@pytest.mark.parametrize(("name", "args", "kwargs"), [
    ("home", (), {}),
    ("panels:detail", (7,), {}),
    ("panels:detail", (1234567,), {}),
    ("mysteryshop:section-edit", (3, 41), {}),
    ("mysteryshop:section-edit", (), {"section_pk": 41, "pk": 3}),
    ("accounts:accept-invitation", ("a-token",), {}),
    ("panels:detail", ("12",), {}),
])
def test_an_address_is_the_one_django_gives_each_time(name, args, kwargs):
    for _ in range(2):  # worked out, then from what was kept
        assert paths.reverse(name, args=args, kwargs=kwargs) == reverse(name, args=args, kwargs=kwargs)


def test_addresses_under_a_script_prefix_carry_it():
    assert paths.reverse("panels:detail", args=[5]) == "/panels/5/"
    set_script_prefix("/scrutiny/")
    try:
        assert paths.reverse("panels:detail", args=[5]) == "/scrutiny/panels/5/"
    finally:
        clear_script_prefix()
    assert paths.reverse("panels:detail", args=[5]) == "/panels/5/"


def test_an_address_that_does_not_exist_is_refused_as_django_refuses_it():
    with pytest.raises(NoReverseMatch):
        paths.reverse("panels:detail")
    with pytest.raises(NoReverseMatch):
        paths.reverse("panels:no-such-page", args=[1])
    with pytest.raises(NoReverseMatch):
        paths.reverse("panels:detail", args=[-1])


def test_the_url_tag_of_every_template_gives_the_same_addresses():
    template = engines["django"].from_string(
        "{% url 'panels:detail' pk %}|{% url 'mysteryshop:section-edit' pk section %}|"
        "{% url 'panels:detail' pk as kept %}{{ kept }}|"
        "{% url 'panels:no-such-page' as missing %}[{{ missing }}]"
    )
    assert template.render({"pk": 3, "section": 9}) == (
        "/panels/3/|/mystery-shopping/checklists/3/sections/9/edit/|/panels/3/|[]"
    )

"""The tracker's filter fields are drawn once and kept (scrutiny/kept_html.py): the same HTML
as drawn afresh, drawn again when anything in them changes, and never one person's choices
shown to another."""

import re

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from recommendations.filters import TrackerFilter
from recommendations.selectors import visible_to
from tests.factories.panels import PanelFactory
from tests.factories.reviews import ReviewFactory

TRACKER = "/recommendations/"
pytestmark = pytest.mark.django_db


def panel_options(html: str) -> list[str]:
    select = re.search(r'<select name="panel".*?</select>', html, re.S).group(0)
    return re.findall(r">([^<]+)</option>", select)


def filters(html: str) -> str:
    return re.search(r'<details class="filters.*?</details>', html, re.S).group(0)


def test_kept_fields_are_the_fields_drawn_afresh(client, world):
    client.force_login(world.manager)
    first = filters(client.get(TRACKER + "?priority=high").content.decode())
    kept = filters(client.get(TRACKER + "?priority=high").content.decode())
    assert first == kept and 'name="priority"' in kept
    form = TrackerFilter({"priority": "high"}, queryset=visible_to(world.manager), user=world.manager).form
    afresh = render_to_string("recommendations/_filter_fields.html", {"form": form})
    assert afresh.strip() in kept


def test_a_new_panel_is_offered_at_once(client, world):
    client.force_login(world.manager)
    assert panel_options(client.get(TRACKER).content.decode()) == ["Any panel", "SURE Team"]
    PanelFactory(name="Estates Panel")
    assert panel_options(client.get(TRACKER).content.decode()) == ["Any panel", "Estates Panel", "SURE Team"]


def test_a_tenant_never_sees_the_panels_a_manager_was_offered(client, world):
    other = PanelFactory(name="Estates Panel")
    ReviewFactory(panel=other, title="Estate walkabouts")
    client.force_login(world.manager)
    assert "Estates Panel" in panel_options(client.get(TRACKER).content.decode())
    client.force_login(world.member)
    html = client.get(TRACKER).content.decode()
    assert panel_options(html) == ["Any panel", "SURE Team"]
    assert "Estate walkabouts" not in html


def test_a_wrong_value_is_marked_and_what_was_typed_is_kept(client, world):
    client.force_login(world.manager)
    client.get(TRACKER + "?overdue=yes&q=<b>rent</b>")
    html = client.get(TRACKER + "?overdue=maybe&q=<b>rent</b>").content.decode()
    assert 'name="overdue" class="select form-select is-invalid"' in html
    assert 'value="&lt;b&gt;rent&lt;/b&gt;"' in html and "<b>rent</b>" not in html


def _checks_filters(client, path):
    """The page and whether the filters asked for were checked (panels read) rather than kept."""
    with CaptureQueriesContext(connection) as queries:
        page = client.get(path).content.decode()
    return page, any('FROM "panels_panel"' in q["sql"] for q in queries)


def test_what_checking_the_filters_found_is_kept_until_a_choice_changes(client, world, make_rec):
    mine = make_rec("submitted", text="Phone back within a day.")
    other = PanelFactory(name="Estates Panel")
    make_rec("submitted", review=ReviewFactory(panel=other), text="Mend the lifts.")
    client.force_login(world.manager)
    path = f"{TRACKER}?panel={world.panel.pk}"
    assert _checks_filters(client, path)[1]
    page, checked = _checks_filters(client, path)
    assert not checked and mine.text in page and "Mend the lifts." not in page
    world.panel.name = "SURE Team North"  # one of the choices
    world.panel.save()
    page, checked = _checks_filters(client, path)
    assert checked and "SURE Team North" in page


def test_a_filter_in_error_is_still_explained_when_kept(client, world):
    client.force_login(world.manager)
    for _ in range(2):
        page = client.get(f"{TRACKER}?panel=999999").content.decode()
        assert "There is a problem" in page

"""Administrators reorder sections and standards with "Move up" and "Move down" buttons; a
checklist already used by a visit is reordered in a new version, as every other change is."""

import pytest
from django.core.exceptions import ValidationError

from mysteryshop import services
from mysteryshop.models import Checklist, Standard
from mysteryshop.services import EditConflict
from tests.db_unchanged import assert_db_unchanged
from tests.factories.accounts import UserFactory
from tests.factories.mysteryshop import ChecklistFactory, SectionFactory, StandardFactory, VisitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return UserFactory(role="admin")


@pytest.fixture
def checklist():
    """A checklist of two sections: Reception (three standards) and Privacy (one)."""
    checklist = ChecklistFactory(title="Office visit")
    reception = SectionFactory(checklist=checklist, title="Reception", position=1)
    SectionFactory(checklist=checklist, title="Privacy", position=2)
    for n, question in enumerate(["Greeted?", "Name given?", "Queue short?"], start=1):
        StandardFactory(checklist=checklist, section=reception, position=n, question=question)
    StandardFactory(checklist=checklist, section=checklist.sections.get(title="Privacy"), question="Room?")
    return checklist


def _sections(checklist):
    return list(checklist.sections.order_by("position", "pk").values_list("title", flat=True))


def _questions(section):
    return list(Standard.objects.filter(section=section).order_by("position", "pk")
                .values_list("question", flat=True))


def test_moving_a_standard_up_swaps_it_with_the_one_before_in_place(admin, checklist):
    name = checklist.standards.get(question="Name given?")
    moved = services.move_standard(by=admin, checklist=checklist, version=checklist.version,
                                   standard=name, direction="up")
    assert moved.pk == name.pk and moved.checklist_id == checklist.pk
    assert _questions(name.section) == ["Name given?", "Greeted?", "Queue short?"]
    assert Checklist.objects.filter(family=checklist.family).count() == 1


def test_moving_a_section_down_puts_it_after_the_next(admin, checklist):
    reception = checklist.sections.get(title="Reception")
    services.move_section(by=admin, checklist=checklist, version=checklist.version,
                          section=reception, direction="down")
    assert _sections(checklist) == ["Privacy", "Reception"]


def test_reordering_a_checklist_in_use_makes_a_new_version_and_the_visit_keeps_the_old_order(
        admin, checklist):
    visit = VisitFactory(checklist=checklist)
    queue = checklist.standards.get(question="Queue short?")
    moved = services.move_standard(by=admin, checklist=checklist, version=checklist.version,
                                   standard=queue, direction="up")
    checklist.refresh_from_db()
    assert moved.checklist.number == 2 and moved.checklist.is_current and not checklist.is_current
    assert moved.key == queue.key
    assert _questions(moved.section) == ["Greeted?", "Queue short?", "Name given?"]
    assert _questions(queue.section) == ["Greeted?", "Name given?", "Queue short?"]
    visit.refresh_from_db()
    assert visit.checklist_id == checklist.pk


def test_the_first_cannot_move_up_nor_the_last_down(admin, checklist):
    first = checklist.standards.get(question="Greeted?")
    with pytest.raises(ValidationError, match="already the first"):
        services.move_standard(by=admin, checklist=checklist, version=checklist.version,
                               standard=first, direction="up")
    with pytest.raises(ValidationError, match="already the last"):
        services.move_section(by=admin, checklist=checklist, version=checklist.version,
                              section=checklist.sections.get(title="Privacy"), direction="down")
    assert _sections(checklist) == ["Reception", "Privacy"]


def test_a_move_on_a_page_opened_before_someone_elses_change_is_a_conflict(admin, checklist):
    stale = checklist.version
    services.update_checklist(by=admin, checklist=checklist, version=stale, title="Office visits",
                              purpose=checklist.purpose)
    with pytest.raises(EditConflict):
        services.move_section(by=admin, checklist=checklist, version=stale,
                              section=checklist.sections.get(title="Privacy"), direction="up")
    assert _sections(checklist) == ["Reception", "Privacy"]


def test_non_admins_cannot_reorder(checklist):
    from django.core.exceptions import PermissionDenied

    officer = UserFactory(role="officer")
    with assert_db_unchanged(), pytest.raises(PermissionDenied):
        services.move_section(by=officer, checklist=checklist,
                              version=checklist.version, section=checklist.sections.get(title="Privacy"),
                              direction="up")


def test_admin_moves_a_standard_with_the_button_and_lands_back_at_it(client, admin, checklist):
    client.force_login(admin)
    page = client.get(checklist.get_absolute_url()).content.decode()
    queue = checklist.standards.get(question="Queue short?")
    url = f"/mystery-shopping/checklists/{checklist.pk}/standards/{queue.pk}/move/"
    assert f'action="{url}"' in page
    button = (
        'value="up" class="btn btn-outline-secondary" aria-label="Move up: Queue short?">Move up</button>'
    )
    assert button in page
    # The last standard of a section offers no "Move down".
    form = page.split(f'action="{url}"')[1].split("</form>")[0]
    assert 'value="down"' not in form
    response = client.post(url, {"direction": "up", "version": checklist.version})
    assert response["Location"] == f"{checklist.get_absolute_url()}#standard-{queue.pk}"
    assert _questions(queue.section) == ["Greeted?", "Queue short?", "Name given?"]
    assert "The standard has been moved up." in client.get(response["Location"]).content.decode()


def test_a_used_checklist_reordered_on_the_page_says_a_new_version_was_made(client, admin, checklist):
    VisitFactory(checklist=checklist)
    client.force_login(admin)
    privacy = checklist.sections.get(title="Privacy")
    response = client.post(f"/mystery-shopping/checklists/{checklist.pk}/sections/{privacy.pk}/move/",
                           {"direction": "up", "version": checklist.version}, follow=True)
    page = response.content.decode()
    assert "so your change made version 2" in page
    assert page.index("1. Privacy") < page.index("2. Reception")

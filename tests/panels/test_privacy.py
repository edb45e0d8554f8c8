"""Tenants' contact details: admins and the panel's supporting officers only; others see names."""

import pytest

from panels.models import PanelRole
from tests.factories.accounts import UserFactory
from tests.factories.panels import MembershipFactory, PanelFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    panel = PanelFactory()
    tenant = UserFactory(
        display_name="Morag Fraser",
        email="morag@example.org",
        phone="07700 900123",
        access_needs="Papers a week early, please.",
    )
    MembershipFactory(panel=panel, user=tenant)
    people = {
        "member": MembershipFactory(panel=panel).user,
        "chair": MembershipFactory(panel=panel, role=PanelRole.CHAIR).user,
        "supporting officer": MembershipFactory(
            panel=panel, role=PanelRole.SUPPORTING_OFFICER, user=UserFactory(role="officer")
        ).user,
        "officer elsewhere": UserFactory(role="officer"),
        "manager": UserFactory(role="manager"),
        "admin": UserFactory(role="admin"),
    }
    return panel, people


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("member", False),
        ("chair", False),
        ("officer elsewhere", False),
        ("manager", False),
        ("supporting officer", True),
        ("admin", True),
    ],
)
@pytest.mark.parametrize("page", ["", "members/"])
def test_contact_details_are_shown_only_to_admins_and_supporting_officers(client, world, who, sees, page):
    panel, people = world
    client.force_login(people[who])
    html = client.get(f"/panels/{panel.pk}/{page}").content.decode()
    assert "Morag Fraser" in html
    for detail in ("morag@example.org", "07700 900123", "Papers a week early"):
        assert (detail in html) is sees, detail

"""A tenant signs in and uses their home and profile pages on a phone and on a desktop."""

import pytest

from tests.factories.accounts import PASSWORD, UserFactory


@pytest.mark.parametrize("page_fixture", ["phone_page", "desktop_page"])
def test_tenant_signs_in_and_updates_profile(request, page_fixture):
    page = request.getfixturevalue(page_fixture)
    tenant = UserFactory(role="tenant", display_name="Morag Fraser")

    page.sign_in(tenant, PASSWORD)
    assert page.get_by_role("heading", level=1).inner_text() == "Hello, Morag"
    page.check_accessibility()

    page.visit("/accounts/profile/")
    page.get_by_label("Phone number").fill("07700 900123")
    page.get_by_label("Show larger text on this site").check()
    page.get_by_role("button", name="Save your details").click()
    assert "Your details have been saved." in page.content()
    page.check_accessibility()

    tenant.refresh_from_db()
    assert tenant.phone == "07700 900123"
    assert tenant.large_text is True


def test_profile_errors_are_summarised_and_typing_is_kept(phone_page):
    tenant = UserFactory(role="tenant")
    phone_page.sign_in(tenant, PASSWORD)
    phone_page.visit("/accounts/profile/")
    phone_page.get_by_label("Name").fill("")
    phone_page.get_by_label("Phone number").fill("01234 000000")
    phone_page.get_by_role("button", name="Save your details").click()

    summary = phone_page.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert phone_page.get_by_label("Phone number").input_value() == "01234 000000"
    phone_page.check_accessibility()

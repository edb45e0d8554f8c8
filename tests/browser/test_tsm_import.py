"""An administrator on a phone imports the regulator's figures: uploads the workbook, reads the
preview and saves it. Each page passes axe-core, has one h1 and does not scroll sideways."""

from comparisons.models import Figure, TsmImport
from tests.comparisons.workbooks import MEADOW, RIVERSIDE, build
from tests.factories.accounts import PASSWORD, UserFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _holds_to_the_standard(page):
    page.check_accessibility()
    assert page.locator("h1").count() == 1, page.url
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def test_administrator_uploads_previews_and_saves_the_workbook_on_a_phone(phone_page):
    admin = UserFactory(role="admin", display_name="Ailsa Admin")
    phone_page.sign_in(admin, PASSWORD)

    phone_page.visit("/administration/")
    phone_page.get_by_role("link", name="The regulator's figures").click()
    _holds_to_the_standard(phone_page)
    phone_page.get_by_label("The regulator's TSM Full Data workbook").set_input_files(files=[{
        "name": "2024_TSM_Full_Data_v1.1.xlsx", "mimeType": XLSX, "buffer": build([MEADOW, RIVERSIDE]),
    }])
    phone_page.get_by_role("button", name="Upload and read it").click()

    phone_page.get_by_role("heading", name="What the file holds").wait_for()
    _holds_to_the_standard(phone_page)
    assert "2023/24, version 1.1" in phone_page.content()
    phone_page.get_by_text("The columns read, sheet by sheet").click()  # the folded list opens
    _holds_to_the_standard(phone_page)
    phone_page.get_by_role("button", name="Save these figures").click()

    phone_page.get_by_text("The figures are being saved").wait_for()
    phone_page.get_by_text("Saved", exact=True).wait_for()
    _holds_to_the_standard(phone_page)
    assert TsmImport.objects.get().status == "applied"
    assert Figure.objects.filter(year=2023).count() == 77

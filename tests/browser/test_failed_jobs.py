"""An administrator tries a failed background job again on a phone: cards, no sideways
scrolling, accessible."""

from scrutiny.models import Job
from tests.factories.accounts import PASSWORD, UserFactory


def test_an_administrator_tries_a_failed_job_again_on_a_phone(phone_page):
    admin = UserFactory(role="admin")
    long_error = "SMTPDataError(554, b'" + "x" * 1500 + "')"
    job = Job.objects.create(task="tests.browser.unknown_task", attempts=20, last_error=long_error)

    phone_page.sign_in(admin, PASSWORD)
    phone_page.visit("/administration/failed-jobs/")
    main = phone_page.locator("main")
    assert "Gave up after 20 attempts" in main.inner_text()
    assert "The mail server refused the email" in main.inner_text()
    phone_page.get_by_text("Technical details").click()
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    button = phone_page.get_by_role("button", name="Try again")
    assert button.bounding_box()["height"] >= 44
    phone_page.check_accessibility()

    button.click()
    phone_page.wait_for_load_state()
    assert f"Job {job.pk} has been queued again." in main.inner_text()
    job.refresh_from_db()
    assert job.attempts == 0 and job.queued_at is not None
    phone_page.check_accessibility()

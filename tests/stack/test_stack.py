"""The whole stack at work: an administrator invites someone through the web app on gunicorn,
the invitation email goes out from a real Celery worker through Redis, and the link works."""

import re
import subprocess
import sys
import time

from tests.deploy.production import REPO
from tests.factories.accounts import PASSWORD, UserFactory
from tests.stack.conftest import wait_for_worker

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Generous for a busy shared machine; nothing asserts on time.
TASK_TIMEOUT = 240


def csrf_token(response):
    assert response.status_code == 200, response.text[:2000]
    return CSRF_FIELD.search(response.text).group(1)


def sign_in(stack, user):
    from tests.second_factor import ready_device, unused_code

    device = ready_device(user)  # staff pass the second factor with a code, as people do
    browser = stack.browser()
    page = browser.get("/accounts/sign-in/")
    response = browser.post(
        "/accounts/sign-in/",
        data={"username": user.email, "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(page)},
    )
    if device is not None:
        response = browser.post("/accounts/second-factor/check/authenticator/", data={
            "code": unused_code(device), "csrfmiddlewaretoken": csrf_token(response)})
    assert response.status_code == 200 and response.url == f"{stack.url}/", response.text[:2000]
    return browser


def wait_until_sent(email):
    from accounts.models import Invitation

    deadline = time.monotonic() + TASK_TIMEOUT
    while time.monotonic() < deadline:
        invitation = Invitation.objects.filter(email=email).first()
        if invitation and invitation.sent_at:
            return invitation
        time.sleep(0.25)
    return None


def test_an_invitation_is_sent_by_the_worker_and_its_link_works(running_stack):
    stack = running_stack
    admin = UserFactory(role="admin", email="stack-admin@example.org", display_name="Sam Patel")
    assert [name.split("@")[0] for name in wait_for_worker(stack, "worker")] == [f"worker-{stack.queue}"]
    assert stack.healthz() == {"code": 200, "status": "ok", "database": "ok", "broker": "ok"}

    browser = sign_in(stack, admin)
    form = browser.get("/accounts/invitations/")
    response = browser.post(
        "/accounts/invitations/",
        data={
            "display_name": "Morag Fraser", "email": "morag.fraser@example.org", "role": "tenant",
            "csrfmiddlewaretoken": csrf_token(form),
        },
    )

    assert response.status_code == 200, response.text[:2000]
    assert response.url == f"{stack.url}/accounts/invitations/"
    assert "An invitation is on its way to morag.fraser@example.org." in response.text
    invitation = wait_until_sent("morag.fraser@example.org")
    assert invitation is not None, f"the worker did not send the invitation in {TASK_TIMEOUT} s"
    # Sent by the worker, not by the web process. The worker logs the task's end just after the
    # task has saved sent_at, so the line is waited for rather than read at once.
    stack.wait_for(
        lambda: re.search(r"send_invitation\[[\w-]+\] succeeded in [\d.]+s: 'sent'", stack.log("worker")),
        "the worker to log the sent invitation", "worker",
    )

    (message,) = [path.read_text() for path in stack.mail_dir.iterdir()]
    assert "To: morag.fraser@example.org" in message
    link = re.search(rf"{re.escape(stack.url)}/accounts/invitation/[\w-]+/", message).group(0)
    page = stack.browser().get(link)
    assert page.status_code == 200
    assert "Choose a password" in page.text


def test_readiness_does_not_depend_on_the_workers(stack):
    """With no worker running the site still serves and queues work: ready (and /healthz)."""
    stack.start_web()

    assert stack.healthz() == {"code": 200, "status": "ok", "database": "ok", "broker": "ok"}
    ready = stack.browser().get("/healthz/ready")
    assert ready.status_code == 200 and ready.json()["broker"] == "ok"


def test_the_container_health_check_passes_against_gunicorn(running_stack):
    """docker/healthcheck.py, as docker-compose.yml runs it, against the app in production mode."""
    stack = running_stack

    for path in ("/healthz/live", "/healthz/ready"):
        result = subprocess.run(
            [sys.executable, str(REPO / "docker" / "healthcheck.py"), f"{stack.url}{path}"],
            capture_output=True, text=True, timeout=300, check=False, env=stack.env,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert '"status": "ok"' in result.stdout

"""Faults on the real stack: Redis (queue and cache) hangs and stops while people use the site
and an invitation is sent, and a worker is killed with SIGKILL mid-task. Pages still answer,
nothing is lost, nothing is done twice, and the app recovers without a restart. A real
PostgreSQL restart during use is in test_database_restart.py.

Redis here is a private redis-server on a free port (the shared one is never stopped)."""

import time

import pytest
import redis

from accounts.models import Invitation
from scrutiny.models import Job
from tests.factories.accounts import UserFactory
from tests.stack.services import MailServer
from tests.stack.test_stack import csrf_token, sign_in

# Polling deadlines, generous for a busy shared machine; nothing asserts on time.
DEADLINE = 240


def wait(condition, what, deadline=DEADLINE):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        result = condition()
        if result:
            return result
        time.sleep(0.5)
    pytest.fail(f"Timed out after {deadline} s waiting for {what}")


@pytest.fixture
def mail_server():
    server = MailServer()
    yield server
    server.close()


def send_invitation(browser, email):
    form = browser.get("/accounts/invitations/")
    return browser.post(
        "/accounts/invitations/",
        data={"display_name": "Morag Fraser", "email": email, "role": "tenant",
              "csrfmiddlewaretoken": csrf_token(form)},
        follow=False,
    )


def send_marker(broker_url, queue):
    """Queue Celery's own do-nothing task; its id, to find in the worker's log."""
    from celery import Celery

    # Not made the current app: the tests' shared tasks would follow it, losing the project's
    # settings (eager tasks) for every later test in this process.
    app = Celery(set_as_current=False)
    # Celery prefers CELERY_BROKER_URL from the environment (the tests' shared Redis) to an app's
    # own setting: the connection is named here.
    with app.connection_for_write(broker_url) as connection:
        return app.send_task("celery.accumulate", args=("marker",), queue=queue,
                             connection=connection).id


def sent(email):
    invitation = Invitation.objects.filter(email=email).first()
    return invitation if invitation and invitation.sent_at else None


def test_with_redis_down_signed_in_pages_work_and_an_invitation_goes_out_once_redis_is_back(
    stack, private_redis
):
    """Redis is both the queue and the cache, as deployed: while it is down (or hangs), pages are
    made from the database and sessions are read from it."""
    stack.env.update(
        CELERY_BROKER_URL=private_redis.url,
        CACHE_URL=f"rediscache://127.0.0.1:{private_redis.port}/1",
    )
    admin = UserFactory(role="admin", email="faults-admin@example.org")
    stack.start_web()
    browser = sign_in(stack, admin)
    assert browser.get("/").status_code == 200  # the session now read from the cache

    with private_redis.paused():  # Redis hangs: the cache gives up on it after a second
        assert browser.get("/accounts/profile/").status_code == 200
    private_redis.stop()
    for path in ("/", "/accounts/profile/", "/accounts/invitations/"):
        page = browser.get(path)
        assert page.status_code == 200 and page.url == f"{stack.url}{path}", path  # still signed in
    assert "Exception ignored" in stack.log("web")  # the cache was Redis, and its errors were let go
    response = send_invitation(browser, "morag.fraser@example.org")

    assert response.status_code == 302, response.text[:2000]
    page = browser.get(response.headers["Location"])
    assert page.status_code == 200
    assert "An invitation is on its way to morag.fraser@example.org." in page.text
    assert ("Our background service is not answering right now. What you did is saved, and any email"
            " or report it makes will follow within a few minutes.") in page.text
    job = Job.objects.get(task="accounts.tasks.send_invitation")
    assert job.done_at is None
    assert Invitation.objects.get(email="morag.fraser@example.org").sent_at is None

    private_redis.start()  # same port: the app finds it again without a restart
    stack.start_worker()  # the shipped defaults: beat hands the waiting job over at its next run
    stack.start_beat()

    wait(lambda: sent("morag.fraser@example.org"), "the invitation to be sent")
    messages = [p.read_text() for p in stack.mail_dir.iterdir()]
    assert len(messages) == 1 and "To: morag.fraser@example.org" in messages[0]
    job.refresh_from_db()
    assert job.done_at is not None and job.attempts == 1
    cache = redis.Redis.from_url(f"redis://127.0.0.1:{private_redis.port}/1")
    # The web app uses the cache again, without a restart (after resting a few seconds).
    stack.wait_for(lambda: browser.get("/").status_code == 200 and cache.keys(), "the cache", "web")
    cache.close()


def test_a_task_whose_worker_is_killed_mid_task_is_done_by_a_new_worker_once(
    stack, private_redis, mail_server
):
    # The shipped defaults: the job's lease runs out a minute after the killed worker's last
    # heartbeat, and Redis hands the unacknowledged message back after the visibility timeout
    # (a little longer), to the new worker. The mail server hangs for longer than the test.
    stack.env.update(
        CELERY_BROKER_URL=private_redis.url, EMAIL_URL=mail_server.url, EMAIL_TIMEOUT="300",
    )
    admin = UserFactory(role="admin", email="faults-admin@example.org")
    stack.start_web()
    stack.start_worker("worker")
    browser = sign_in(stack, admin)

    mail_server.silent = True  # the first worker hangs talking to the mail server
    response = send_invitation(browser, "morag.fraser@example.org")
    assert response.status_code == 302, response.text[:2000]
    wait(lambda: mail_server.connections >= 1, "the worker to start sending")
    assert Job.objects.get().started_at is not None  # taken, mid-task

    stack.kill("worker")
    mail_server.release_held()
    mail_server.silent = False
    stack.start_worker("worker2")

    invitation = wait(lambda: sent("morag.fraser@example.org"), "the new worker to send it")
    assert len(mail_server.messages) == 1
    assert "To: morag.fraser@example.org" in mail_server.messages[0]
    assert invitation.sent_at is not None
    job = Job.objects.get()
    assert job.done_at is not None and job.attempts == 2
    # Were the task to be handed out again, Redis would still hold its message (queued, or
    # unacknowledged and due back). A marker task sent now is done only after the worker has
    # acknowledged the invitation's task; then nothing of it is left to come back.
    marker = send_marker(private_redis.url, stack.queue)
    stack.wait_for(
        lambda: f"Task celery.accumulate[{marker}] succeeded" in stack.log("worker2"),
        "the worker to do the marker task", "worker2",
    )
    broker = redis.Redis.from_url(private_redis.url)
    assert (broker.llen(stack.queue), broker.hlen("unacked"), broker.zcard("unacked_index")) == (0, 0, 0)
    broker.close()
    assert len(mail_server.messages) == 1
    assert stack.log("worker2").count("Task accounts.tasks.send_invitation[") == 2  # received, succeeded


def test_an_oversized_upload_is_refused_before_its_body_is_sent(running_stack):
    """gunicorn answers 413 to the headers alone: none of the 300 MB is sent, let alone stored."""
    import socket

    stack = running_stack
    declared = 300 * 1024 * 1024
    with socket.create_connection(("127.0.0.1", stack.port), timeout=120) as conn:
        conn.sendall(
            b"POST /accounts/profile/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            + f"Content-Length: {declared}\r\n\r\n".encode()
        )
        received = b""
        while chunk := conn.recv(65536):  # gunicorn closes the connection after the answer
            received += chunk
    answer = received.decode(errors="replace")

    assert answer.startswith("HTTP/1.1 413"), answer[:500]
    assert "<h1>The file is too large</h1>" in answer

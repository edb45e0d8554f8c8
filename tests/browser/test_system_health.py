"""An administrator reads System health on a phone: every part fits, headings in order,
accessible, with a worker's long node name and a silent one."""

import time

from scrutiny import heartbeat
from tests.factories.accounts import PASSWORD, UserFactory


def test_an_administrator_reads_system_health_on_a_phone(phone_page, settings, private_redis):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = private_redis.url
    long_name = "celery@scrutiny-worker-7f9c2b1d4e6a8c0b2d4f6a8c0e2b4d6f"
    heartbeat.note_worker(name=long_name, queues=["celery"])
    heartbeat.note_worker(name="celery@worker-2", queues=["celery"], at=time.time() - 3600)
    heartbeat.note_beat(last_sent={"name": "requeue-waiting-jobs", "task": "x", "at": time.time()})

    phone_page.sign_in(UserFactory(role="admin"), PASSWORD)
    phone_page.visit("/administration/system-health/")

    main = phone_page.locator("main").inner_text()
    assert "The site can serve pages and queue work." in main
    assert long_name in main and "silent, it may have stopped" in main
    assert "It last handed over “requeue-waiting-jobs”" in main
    assert phone_page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone_page.check_accessibility()

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_in_process_tasks_when_no_broker_is_set(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "database": "ok",
        "broker": "not configured: tasks run in the web process", "worker": "not needed",
    }


def test_healthz_says_broker_is_down_without_crashing(client, settings, monkeypatch):
    from scrutiny.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False
    # Celery prefers the environment variable to its configuration, so point both at nothing.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:1/0")
    old = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    try:
        response = client.get("/healthz")
    finally:
        app.conf.broker_url = old
    assert response.status_code == 503
    assert response.json()["broker"] == "unavailable"
    assert response.json()["database"] == "ok"

from celery import shared_task

from scrutiny import jobs, user_sessions


@shared_task(acks_late=False)
def requeue_waiting_jobs() -> int:
    """Queue again the background work still waiting after a broker or worker failure (beat)."""
    return jobs.requeue_waiting_jobs()


@shared_task
def clear_expired_sessions() -> int:
    """Delete expired sessions and the list's rows of sessions that have ended (beat, daily)."""
    return user_sessions.clear_expired()

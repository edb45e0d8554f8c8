from celery import shared_task

from scrutiny import jobs


@shared_task(acks_late=False)
def requeue_waiting_jobs() -> int:
    """Queue again the background work still waiting after a broker or worker failure (beat)."""
    return jobs.requeue_waiting_jobs()

from celery import shared_task

from reviews import services


@shared_task
def delete_old_drafts() -> int:
    """Nightly (Celery beat): drafts nobody came back to are personal text we need not keep."""
    return services.delete_old_drafts()

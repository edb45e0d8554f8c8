"""The worker's part: a published report's PDFs, in each language the site offers."""

from typing import Any

from celery import shared_task

from opendata import pdfs


@shared_task(bind=True, acks_late=True, autoretry_for=(OSError,), retry_backoff=True)
def make_pdfs(self: Any, publication_id: int) -> None:
    pdfs.make(publication_id=publication_id)

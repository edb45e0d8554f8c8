from celery import shared_task

from mysteryshop.services import documents


@shared_task
def read_document_text(document_id):
    """Read the words out of a document's PDF or Word file; safe to run twice."""
    return documents.read_document_text(document_id=document_id)

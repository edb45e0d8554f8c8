from celery import shared_task
from django.utils.translation import gettext_lazy as _

from mysteryshop.models import CheckedDocument
from mysteryshop.services import documents
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job


@shared_task
def read_document_text(document_id: int) -> str:
    """Read the words out of a document's PDF or Word file; safe to run twice."""
    return documents.read_document_text(document_id=document_id)


@describes(read_document_text, _("Reading the words of a document to check"))
def _about_documents(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(
        jobs, CheckedDocument.objects.all(), lambda d: f"\"{d}\"",
        _("The document has since been deleted."),
    )

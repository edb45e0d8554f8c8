from celery import shared_task

from comparisons import services
from comparisons.models import TsmImport
from scrutiny import jobs
from scrutiny.failed_jobs import by_first_argument, describes
from scrutiny.models import Job


@shared_task(acks_late=True, name=services.READ_IMPORT)
def read_import(import_id: int) -> None:
    """Read an uploaded workbook or Charter CSV and record what it holds (safe to run twice)."""
    services.read(import_id=import_id)


@shared_task(acks_late=True, name=services.APPLY_IMPORT)
def apply_import(import_id: int) -> None:
    """Save an import's figures in one transaction (safe to run twice)."""
    services.save(import_id=import_id)


@jobs.when_given_up(services.READ_IMPORT)
def _reading_given_up(given_up: list[Job]) -> None:
    services.give_up(task_name=services.READ_IMPORT, given_up=given_up)


@jobs.when_given_up(services.APPLY_IMPORT)
def _saving_given_up(given_up: list[Job]) -> None:
    services.give_up(task_name=services.APPLY_IMPORT, given_up=given_up)


def _say(tsm_import: TsmImport) -> str:
    return f"The file \"{tsm_import.file_name}\""


@describes(read_import, "Reading the regulator's figures")
def _about_reading(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(jobs, TsmImport.objects.all(), _say, "The import has since been deleted.")


@describes(apply_import, "Saving the regulator's figures")
def _about_saving(jobs: list[Job]) -> dict[int, str]:
    return by_first_argument(jobs, TsmImport.objects.all(), _say, "The import has since been deleted.")

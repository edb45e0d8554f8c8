"""An import whose worker stopped every time it was tried says so on its page, in plain words:
a file never read has failed; a file never saved can be saved again, as saving is all or nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from comparisons import services
from comparisons.models import TsmImport
from scrutiny.models import Job
from scrutiny.tasks import requeue_waiting_jobs

pytestmark = pytest.mark.django_db


def _used_up(settings, task, tsm_import):
    return Job.objects.create(task=task, args=[tsm_import.pk], attempts=settings.JOB_MAX_ATTEMPTS,
                              queued_at=timezone.now() - timedelta(hours=1),
                              leased_until=timezone.now() - timedelta(minutes=1))


def test_a_file_the_worker_never_finished_reading_has_failed_and_says_why(settings):
    reading = TsmImport.objects.create(file_name="tsm.xlsx", sha256="a" * 64, status=TsmImport.Status.READING)
    _used_up(settings, services.READ_IMPORT, reading)

    requeue_waiting_jobs()

    reading.refresh_from_db()
    assert reading.status == TsmImport.Status.FAILED
    assert f"The worker stopped {settings.JOB_MAX_ATTEMPTS} times before it finished reading the file" \
        in reading.error
    assert "upload the file again" in reading.error


def test_figures_the_worker_never_finished_saving_can_be_saved_again(settings):
    saving = TsmImport.objects.create(file_name="tsm.xlsx", sha256="b" * 64, status=TsmImport.Status.APPLYING)
    _used_up(settings, services.APPLY_IMPORT, saving)

    requeue_waiting_jobs()

    saving.refresh_from_db()
    assert saving.status == TsmImport.Status.READ
    assert "finished saving the figures" in saving.progress_note

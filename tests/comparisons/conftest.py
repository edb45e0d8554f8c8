import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import need_service
from tests.factories.accounts import UserFactory

WORKBOOK = "2025_TSM_Full_Data_v1.0_FINAL.xlsx"


@pytest.fixture
def published_workbook() -> Path:
    """The regulator's 2024/25 workbook, kept beside the repository (TSM_DATA_DIR to look elsewhere)."""
    beside_repository = Path(settings.BASE_DIR).parent / "shared" / "data" / "tsm"
    folder = Path(os.environ.get("TSM_DATA_DIR") or beside_repository)
    path = folder / WORKBOOK
    need_service(path.exists(), f"The regulator's workbook is not at {path}: set TSM_DATA_DIR to its folder")
    return path


@pytest.fixture
def admin(db):
    return UserFactory(role="admin", display_name="Ada Admin")


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """Run what a call queued after commit, as the worker would (tasks are eager in tests)."""

    def run(callable_, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return callable_(*args, **kwargs)

    return run

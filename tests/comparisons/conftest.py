from pathlib import Path

import pytest
from django.conf import settings

from tests.factories.accounts import UserFactory

WORKBOOK = "2025_TSM_Full_Data_v1.0_FINAL.xlsx"


@pytest.fixture
def published_workbook() -> Path:
    """The regulator's 2024/25 workbook as published, kept in the repository (comparisons/data)."""
    path = Path(settings.BASE_DIR) / "comparisons" / "data" / WORKBOOK
    assert path.exists(), f"The regulator's workbook is missing from {path}"
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

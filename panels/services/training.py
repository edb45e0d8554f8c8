"""Changes to people's training records."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from panels import permissions
from panels.models import Training
from scrutiny.permissions import require

if TYPE_CHECKING:
    from django.core.files import File

    from accounts.models import User

NOT_YOURS = _lazy(
    "You can only record training for yourself,"
    " or for members of a panel you chair, vice-chair or support."
)


def _check_dates(completed_on: datetime.date, expires_on: datetime.date | None) -> None:
    if expires_on and completed_on and expires_on <= completed_on:
        raise ValidationError(
            {"expires_on": _("The refresher date must be after the date the course was done.")}
        )


@transaction.atomic
def record_training(
    *, person: User, by: User, course: str, completed_on: datetime.date, provider: str = "",
    expires_on: datetime.date | None = None, certificate: File | None = None,
) -> Training:
    """Record a course someone has done, with its certificate if there is one."""
    require(permissions.can_record_training(by, person), NOT_YOURS)
    _check_dates(completed_on, expires_on)
    return Training.objects.create(
        user=person,
        course=course.strip(),
        provider=provider.strip(),
        completed_on=completed_on,
        expires_on=expires_on,
        certificate=certificate or "",
        certificate_name=certificate.name if certificate else "",
        recorded_by=by,
    )


@transaction.atomic
def update_training(
    *, training: Training, by: User, certificate: File | None = None, remove_certificate: bool = False,
    **fields: Any,
) -> Training:
    """Correct a training record or replace its certificate."""
    require(permissions.can_record_training(by, training.user), NOT_YOURS)
    for name in ("course", "provider", "completed_on", "expires_on"):
        if name in fields:
            setattr(training, name, fields[name])
    _check_dates(training.completed_on, training.expires_on)
    if certificate:
        if training.certificate:
            training.certificate.delete(save=False)
        training.certificate, training.certificate_name = certificate, certificate.name or ""
    elif remove_certificate and training.certificate:
        training.certificate.delete(save=False)
        training.certificate_name = ""
    training.save()
    return training


@transaction.atomic
def delete_training(*, training: Training, by: User) -> None:
    require(permissions.can_record_training(by, training.user), NOT_YOURS)
    if training.certificate:
        training.certificate.delete(save=False)
    training.delete()

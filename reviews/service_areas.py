"""Service areas (complaints, repairs, ...): the reads and writes of the Administration page.

Kept out of services.py and selectors.py because only administrators use them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils.translation import gettext

from reviews.models import ServiceArea
from scrutiny.locking import claim
from scrutiny.permissions import ADMIN_REFUSAL, can_administer, require

if TYPE_CHECKING:
    from accounts.models import User


def service_areas_with_use() -> QuerySet[ServiceArea]:
    """Every service area, in use first then by name, with how many reviews look at it."""
    return ServiceArea.objects.annotate(review_count=Count("reviews")).order_by("-is_active", "name")


def _check_name(name: str, *, exclude_pk: int | None = None) -> str:
    name = name.strip()
    taken = ServiceArea.objects.filter(name__iexact=name).exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError({"name": gettext("There is already a service area called “%(name)s”.") % {
            "name": name}})
    return name


@transaction.atomic
def add_service_area(*, by: User, name: str) -> ServiceArea:
    """Add a service area reviews can be about."""
    require(can_administer(by), ADMIN_REFUSAL)
    return ServiceArea.objects.create(name=_check_name(name), is_active=True)


@transaction.atomic
def change_service_area(
    *, area: ServiceArea, by: User, name: str, is_active: bool, version: int | None = None
) -> ServiceArea:
    """Rename a service area, or stop offering it for new reviews (old reviews keep it). Refuse
    if someone else saved it after `version` was read."""
    require(can_administer(by), ADMIN_REFUSAL)
    current = claim(area, version=version, by=by, noun="service area")
    current.name = _check_name(name, exclude_pk=current.pk)
    current.is_active = is_active
    current.save()
    return current

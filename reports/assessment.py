"""Changes to the panel's own assessment in the Annual Report to Tenants: writing, approving and
publishing. The text is the panel's; a change after approval needs approving again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reports import permissions
from reports.annual import assessable_sections
from reports.models import AnnualReport, AssessmentSection
from scrutiny.jobs import enqueue
from scrutiny.locking import claim
from scrutiny.permissions import require

if TYPE_CHECKING:
    from accounts.models import User


@transaction.atomic
def save_section(
    *, year: int, section: str, text: str, version: int | None, by: User, text_cy: str | None = None,
) -> AssessmentSection:
    """Save the panel's words on a section; refuse if someone else saved it after `version` was read.
    `text` is the English; `text_cy` the Welsh, when the form asked for it (None leaves it as it is)."""
    require(permissions.can_write_assessment(by), permissions.REFUSALS["write"])
    record, _created = AnnualReport.objects.get_or_create(year=year)
    written = AssessmentSection.objects.filter(annual_report=record, section=section).exists()
    if not written and section not in dict(assessable_sections(year)):
        raise ValidationError(_("There is no such section in the annual report."))
    record = AnnualReport.objects.select_for_update().get(pk=record.pk)
    current = AssessmentSection.objects.filter(annual_report=record, section=section).first()
    if current is None:
        current = AssessmentSection(annual_report=record, section=section)
    else:
        current = claim(current, version=version, by=by, noun="section")
    # Each language's column by name: `current.text` would write the page's language.
    current.text_en_gb = text.strip()
    if text_cy is not None:
        current.text_cy = text_cy.strip()
    current.updated_by = by
    current._history_user = by
    current.save()
    if record.approved_at is not None:
        # Changed words have not been approved: the report goes back to draft until they are.
        record.approved_at = None
        record.approved_by = None
        record.published = False
        record.save(update_fields=["approved_at", "approved_by", "published", "updated_at"])
    return current


@transaction.atomic
def approve(*, year: int, by: User) -> AnnualReport:
    """The panel approves its assessment for the year, so the report can be made and published."""
    require(permissions.can_approve_assessment(by), permissions.REFUSALS["approve"])
    record, _created = AnnualReport.objects.select_for_update().get_or_create(year=year)
    written = {s for s, text in record.sections.values_list("section", "text") if text.strip()}
    if not written:
        raise ValidationError(_("Write the panel's view of at least one section before approving it."))
    record.approved_at = timezone.now()
    record.approved_by = by
    record.save(update_fields=["approved_at", "approved_by", "updated_at"])
    if record.waiting.filter(made_at__isnull=True).exists():

        enqueue("reports.tasks.make_waiting_reports", year)  # the reports people asked for while they waited
    return record


@transaction.atomic
def publish(*, year: int, by: User, published: bool) -> AnnualReport:
    """Show (or stop showing) the approved report to people who are not signed in."""
    require(permissions.can_publish(by), permissions.REFUSALS["publish"])
    record = AnnualReport.objects.select_for_update().filter(year=year).first()
    if published and (record is None or not record.is_approved):
        raise ValidationError(_("The panel must approve its assessment before the report is published."))
    if record is None:
        return AnnualReport(year=year)
    record.published = published
    record.save(update_fields=["published", "updated_at"])
    return record

"""Every change to self-assessments, scores and to-do actions. Views call these; each checks
who may do it."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from accounts.models import User
from accounts.notices import tell
from assessments import permissions
from assessments.models import (
    ActionStatus,
    Assessor,
    Framework,
    ImprovementAction,
    Outcome,
    Perspective,
    Score,
    SelfAssessment,
    default_scale,
)
from panels.permissions import managed_panel_ids
from scrutiny import written
from scrutiny.dates import check_date
from scrutiny.locking import claim
from scrutiny.permissions import is_staff_role, require
from scrutiny.translated import language_of

if TYPE_CHECKING:
    from decimal import Decimal

    from assessments.models import Indicator, IndicatorValue
    from panels.models import Panel


def _perspective(user: User) -> str:
    return Perspective.TENANT if user.role == "tenant" else Perspective.STAFF


def _clean_scale(scale: list[str] | None) -> list[str]:
    labels = [s.strip() for s in (scale or default_scale()) if s and s.strip()]
    if not 2 <= len(labels) <= 10:
        raise ValidationError(
            {"scale": gettext("Give between 2 and 10 points on the scale, one a line, lowest first.")}
        )
    return labels


def _check_dates(opens_on: datetime.date, closes_on: datetime.date) -> None:
    check_date(opens_on, field="opens_on", what="the opening date", ahead=5)
    check_date(closes_on, field="closes_on", what="the closing date", ahead=5)
    if closes_on < opens_on:
        raise ValidationError({"closes_on": gettext(
            "The closing date must be on or after the opening date.")})


def _set_assessors(self_assessment: SelfAssessment, assessors: Iterable[User], by: User) -> None:
    """Invite exactly these people; those newly invited are told (once) after the commit."""
    wanted = {u.pk: u for u in assessors}
    if not wanted:
        raise ValidationError({"assessors": gettext("Invite at least one person to score.")})
    # Rows whose person's account was deleted keep their scores and are left alone.
    existing = {
        a.user_id: a for a in self_assessment.assessors.filter(user__isnull=False).select_related("user")
    }
    # People who have already scored stay: removing them would silently lose their scores.
    leaving = [a.pk for uid, a in existing.items() if uid not in wanted]
    keep_scored = (
        set(
            Score.objects.filter(assessor_id__in=leaving)
            .values_list("assessor__user_id", flat=True)
            .distinct()
        )
        if leaving
        else set()
    )
    if keep_scored:
        names = ", ".join(sorted(existing[uid].name for uid in keep_scored))
        raise ValidationError({"assessors": gettext("%(names)s already scored: they cannot be taken off.") % {
            "names": names}})
    self_assessment.assessors.filter(user__isnull=False).exclude(user_id__in=wanted).delete()
    now = timezone.now()
    added = Assessor.objects.bulk_create(
        [
            # Whoever invites themselves knows already: they are not told.
            Assessor(self_assessment=self_assessment, user=u, perspective=_perspective(u),
                     told_at=now if pk == by.pk else None)
            for pk, u in wanted.items()
            if pk not in existing
        ]
    )
    written.announce(Assessor, added)
    if any(a.told_at is None for a in added):
        from scrutiny.jobs import enqueue

        enqueue("assessments.tasks.tell_assessors", self_assessment.pk)


@transaction.atomic
def create_self_assessment(
    *,
    by: User,
    framework: Framework,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    assessors: Iterable[User],
    panel: Panel | None = None,
    scale: list[str] | None = None,
    allow_dont_know: bool = True,
) -> SelfAssessment:
    """Set up a self-assessment of a framework and invite the people who will score it."""
    require(
        permissions.can_create(by), "Only staff and a panel's chair or vice-chair can set this up."
    )
    if panel is not None and not is_staff_role(by):
        require(panel.pk in managed_panel_ids(by), "Choose a panel you chair or vice-chair.")
    if not framework.outcomes.exists():
        raise ValidationError({"framework": gettext("This framework has no outcomes to score.")})
    _check_dates(opens_on, closes_on)
    sa = SelfAssessment.objects.create(
        framework=framework,
        title=title.strip(),
        opens_on=opens_on,
        closes_on=closes_on,
        panel=panel,
        scale=_clean_scale(scale),
        allow_dont_know=allow_dont_know,
        created_by=by,
    )
    _set_assessors(sa, assessors, by)
    return sa


@transaction.atomic
def update_self_assessment(
    *,
    self_assessment: SelfAssessment,
    by: User,
    version: int,
    title: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    assessors: Iterable[User],
    panel: Panel | None = None,
    scale: list[str] | None = None,
    allow_dont_know: bool = True,
) -> SelfAssessment:
    """Change the title, dates, panel, scale or who is invited; refuse if someone else saved first."""
    require(
        permissions.can_edit(by, self_assessment),
        "Only its coordinators can change it, and only until it closes.",
    )
    current = claim(self_assessment, version=version, by=by, noun="self-assessment")
    _check_dates(opens_on, closes_on)
    labels = _clean_scale(scale)
    if labels != current.scale and Score.objects.filter(assessor__self_assessment=current).exists():
        raise ValidationError({"scale": gettext(
            "People have already scored, so the scale can no longer change.")})
    current.title, current.opens_on, current.closes_on = title.strip(), opens_on, closes_on
    current.panel, current.scale, current.allow_dont_know = panel, labels, allow_dont_know
    current.save()
    _set_assessors(current, assessors, by)
    return current


def _answer_problem(
    self_assessment: SelfAssessment,
    outcome: Outcome,
    value: int | None,
    dont_know: bool,
    comment: str,
    evidence_url: str,
) -> str | None:
    """Why one answer cannot be saved, or None if it can."""
    if outcome.framework_id != self_assessment.framework_id:
        return "That outcome is not part of this framework."
    if dont_know and not self_assessment.allow_dont_know:
        return 'Choose a score: this self-assessment has no "don\'t know".'
    if value is None and not dont_know and (comment.strip() or evidence_url.strip()):
        return f"Choose a score for {outcome.code} to save your comment."
    if value is not None and not 1 <= value <= self_assessment.scale_max:
        return f"Choose a score from 1 to {self_assessment.scale_max}."
    return None


Answer = tuple[Outcome, int | None, bool, str, str, int | None]


@dataclass
class ScoresSaved:
    """What save_scores did: reasons answers were refused, scores the same person had changed
    in another window meanwhile (the saved Score, or None where it was cleared there), and the
    version of every outcome's score now (0: none)."""

    problems: dict[int, str] = field(default_factory=dict)
    clashes: dict[int, Score | None] = field(default_factory=dict)
    versions: dict[int, int] = field(default_factory=dict)


def _content(score: Score | None) -> tuple | None:
    return None if score is None else (score.value, score.comment, score.evidence_url)


@transaction.atomic
def save_scores(
    *, self_assessment: SelfAssessment, by: User, answers: Iterable[Answer]
) -> ScoresSaved:
    """Save (or clear) the person's own scores for several outcomes (one standard's screen) while
    the self-assessment is open, in a fixed number of queries however many outcomes there are.
    Each answer is (outcome, value, don't know, comment, evidence link, the version of its score
    the page showed, 0 for none, None for no check). An answer that cannot be saved, or that
    would overwrite a different score saved since that version (the same person in another
    window), is left as it was and reported; the others are saved."""
    assessor = permissions.scoring_assessor(
        by, self_assessment, "You can only score a self-assessment you are invited to, while it is open."
    )
    # One save at a time for this person (no ordering: the default one joins the user, which
    # PostgreSQL will not lock).
    list(Assessor.objects.select_for_update().filter(pk=assessor.pk).order_by().values_list("pk"))
    answers = list(answers)
    saved = {
        s.outcome_id: s
        for s in Score.objects.filter(assessor=assessor, outcome__in=[a[0] for a in answers])
    }
    result = ScoresSaved()
    cleared: list[int] = []
    kept: list[Score] = []
    for outcome, value, dont_know, comment, evidence_url, version in answers:
        current = saved.get(outcome.pk)
        result.versions[outcome.pk] = current.version if current else 0
        problem = _answer_problem(self_assessment, outcome, value, dont_know, comment, evidence_url)
        if problem:
            result.problems[outcome.pk] = problem
            continue
        wanted = None
        if value is not None or dont_know:
            wanted = (None if dont_know else value, comment.strip(), evidence_url.strip())
        if wanted == _content(current):
            continue
        if version is not None and version != result.versions[outcome.pk]:
            result.clashes[outcome.pk] = current
            result.problems[outcome.pk] = _clash_message(outcome, current)
        elif wanted is None:
            cleared.append(outcome.pk)
            result.versions[outcome.pk] = 0
        else:
            score = Score(assessor=assessor, outcome_id=outcome.pk, value=wanted[0],
                          comment=wanted[1], evidence_url=wanted[2],
                          version=result.versions[outcome.pk] + 1)
            kept.append(score)
            result.versions[outcome.pk] = score.version
    if cleared:
        Score.objects.filter(assessor=assessor, outcome_id__in=cleared).delete()
    if kept:
        Score.objects.bulk_create(
            kept,
            update_conflicts=True,
            unique_fields=["assessor", "outcome"],
            update_fields=["value", "comment", "evidence_url", "version", "updated_at"],
        )
        written.announce(Score, kept)
    return result


def _clash_message(outcome: Outcome, current: Score | None) -> str:
    done = "cleared" if current is None else f"saved at {timezone.localtime(current.updated_at):%H:%M}"
    return (
        f"Your score for {outcome.code} was {done} in another window while this page was open. "
        "Your answer is still in the form and the saved one is shown beside it: check both, "
        "then save again to keep yours."
    )


@transaction.atomic
def finish(*, self_assessment: SelfAssessment, by: User) -> Assessor:
    """Mark the person's scoring as finished, once every outcome has a score or "don't know"."""
    invited = permissions.scoring_assessor(by, self_assessment, "This self-assessment is not open to you.")
    assessor = Assessor.objects.select_for_update().get(pk=invited.pk)
    missing = (
        Outcome.objects.filter(framework_id=self_assessment.framework_id)
        .exclude(scores__assessor=assessor)
        .count()
    )
    if missing:
        raise ValidationError(
            ngettext('%(count)s outcome still needs a score or "don\'t know" before you can finish.',
                     '%(count)s outcomes still need a score or "don\'t know" before you can finish.',
                     missing) % {"count": missing}
        )
    assessor.finished_at = assessor.finished_at or timezone.now()
    assessor.save(update_fields=["finished_at"])
    return assessor


@transaction.atomic
def remind(*, self_assessment: SelfAssessment, by: User) -> int:
    """Email everyone who has not finished yet (recorded now, sent after commit by the worker)."""
    from scrutiny.jobs import enqueue

    require(
        permissions.can_remind(by, self_assessment), "Only coordinators can remind people, while it is open."
    )
    count = Assessor.objects.filter(self_assessment=self_assessment, finished_at__isnull=True).update(
        reminder_requested_at=timezone.now()
    )
    if count:
        enqueue("assessments.tasks.send_reminders", self_assessment.pk)
    return count


def send_reminders(*, self_assessment_id: int) -> int:
    """Send the reminders recorded and not yet sent (safe to run twice)."""
    sa = SelfAssessment.objects.get(pk=self_assessment_id)
    sent = 0
    waiting = Assessor.objects.filter(
        self_assessment=sa, reminder_requested_at__isnull=False, finished_at__isnull=True, user__isnull=False
    ).select_related("user")
    for assessor in waiting:
        if assessor.user is None:  # the query asks for a person; this tells the type checker too
            continue
        if assessor.reminder_sent_at and assessor.reminder_sent_at >= assessor.reminder_requested_at:
            continue
        with transaction.atomic():
            locked = Assessor.objects.select_for_update().get(pk=assessor.pk)
            if locked.reminder_sent_at and locked.reminder_sent_at >= locked.reminder_requested_at:
                continue
            # Someone who prefers no email finds the same words as a notice on their home page.
            with language_of(assessor.user):
                tell(
                    person=assessor.user,
                    subject=gettext("Reminder: please finish scoring %(title)s") % {"title": sa.title},
                    template="assessments/email/reminder.txt",
                    context={"sa": sa},
                    path=reverse("assessments:detail", args=[sa.pk]),
                    about=assessor,
                )
            locked.reminder_sent_at = timezone.now()
            locked.save(update_fields=["reminder_sent_at"])
            sent += 1
    return sent


@transaction.atomic
def close(*, self_assessment: SelfAssessment, by: User) -> SelfAssessment:
    """Close the self-assessment now, before its closing date; the pooled results become visible."""
    current = SelfAssessment.objects.select_for_update().get(pk=self_assessment.pk)
    require(permissions.can_close(by, current), "Only its coordinators can close it.")
    current.closed_at = timezone.now()
    current.save(update_fields=["closed_at"])
    return current


def _check_due_date(due_date: datetime.date) -> None:
    check_date(due_date, field="due_date", what="the date it is due", ahead=10)


@transaction.atomic
def create_action(
    *,
    self_assessment: SelfAssessment,
    outcome: Outcome,
    by: User,
    what: str,
    owner: User,
    due_date: datetime.date,
) -> ImprovementAction:
    """Add a to-do action against an outcome the self-assessment found weak."""
    require(
        permissions.can_plan_actions(by, self_assessment),
        "Only coordinators can add actions, once the self-assessment has closed.",
    )
    if outcome.framework_id != self_assessment.framework_id:
        raise ValidationError(gettext("That outcome is not part of this framework."))
    if not what.strip():
        raise ValidationError({"what": gettext("Say what will be done.")})
    _check_due_date(due_date)
    action = ImprovementAction.objects.create(
        self_assessment=self_assessment,
        outcome=outcome,
        what=what.strip(),
        owner=owner,
        due_date=due_date,
        created_by=by,
    )
    _tell_owner(action, by)
    return action


def _tell_owner(action: ImprovementAction, by: User) -> None:
    """Queue the message telling the owner the action is theirs, unless they gave it themselves."""
    from scrutiny.jobs import enqueue

    if action.owner_id != by.pk:
        enqueue("assessments.tasks.tell_action_owner", action.pk, action.owner_id)


@transaction.atomic
def update_action(
    *,
    action: ImprovementAction,
    by: User,
    version: int,
    what: str,
    owner: User,
    due_date: datetime.date,
    status: str,
    progress: str = "",
) -> ImprovementAction:
    """Record progress on an action; refuse if someone else saved it after `version` was read."""
    require(
        permissions.can_update_action(by, action), "Only the action's owner or a coordinator can change it."
    )
    current = claim(action, version=version, by=by, noun="action")
    if status not in ActionStatus.values:
        raise ValidationError({"status": gettext("Choose a status.")})
    _check_due_date(due_date)
    new_owner = owner.pk != current.owner_id
    current.what, current.owner, current.due_date = what.strip(), owner, due_date
    current.status, current.progress = status, progress.strip()
    current.save()
    if new_owner:
        _tell_owner(current, by)
    return current


@transaction.atomic
def save_indicator_value(
    *,
    indicator: Indicator,
    year: int,
    by: User,
    version: int | None,
    value: Decimal,
    target: Decimal | None = None,
    peer_average: Decimal | None = None,
    note: str = "",
) -> IndicatorValue:
    """Enter or correct one year's figure; refuse if someone else saved it after `version` was read."""
    from assessments.models import IndicatorValue

    require(permissions.can_enter_figures(by), "Only staff can enter performance figures.")
    current = IndicatorValue.objects.select_for_update().filter(indicator=indicator, year=year).first()
    if current is None:
        if version:
            # It was there when the form opened and has since been removed: start again.
            raise ValidationError(gettext(
                "This figure was removed while you were editing it."), code="conflict")
        return IndicatorValue.objects.create(
            indicator=indicator,
            year=year,
            value=value,
            target=target,
            peer_average=peer_average,
            note=note.strip(),
            updated_by=by,
        )
    # A form opened before this figure existed carries no version: it must not overwrite it unseen.
    current = claim(current, version=version if version is not None else 0, by=by, noun="figure")
    current.value, current.target, current.peer_average = value, target, peer_average
    current.note, current.updated_by = note.strip(), by
    current.save()
    return current

"""Every assessments URL against every role.

"open" is being scored now: people["officer"] set it up (so coordinates it), people["tenant"] and
people["manager"] are invited to score. "closed" has the same people and has closed. "hidden" was
set up by someone else with none of these people invited. Admins coordinate everything but only
score what they are invited to.
"""

import datetime

from django.utils import timezone

from assessments.models import Indicator
from tests.factories.accounts import UserFactory
from tests.factories.assessments import (
    AssessorFactory,
    ImprovementActionFactory,
    ScoreFactory,
    SelfAssessmentFactory,
    framework_with,
)
from tests.permission_matrix import FORBIDDEN, OK, REDIRECT, Row, admins_only, everyone, expect

B = "/assessments"
COORDINATORS = expect(tenant=FORBIDDEN, officer=OK, manager=FORBIDDEN, admin=OK)
ASSESSORS = expect(tenant=OK, officer=FORBIDDEN, manager=OK, admin=FORBIDDEN)
STAFF = expect(tenant=FORBIDDEN, officer=OK, manager=OK, admin=OK)


def _done(codes):
    return {role: REDIRECT if code == OK else code for role, code in codes.items()}


def rows(people):
    today = timezone.localdate()
    framework = framework_with(2, 2)
    outcome = framework.outcomes.first()
    standard = outcome.standard

    def make(closed=False, invite=True, creator=None):
        dates = {
            "opens_on": today - datetime.timedelta(days=30),
            "closes_on": today - datetime.timedelta(days=1) if closed else today + datetime.timedelta(days=7),
        }
        sa = SelfAssessmentFactory(framework=framework, created_by=creator or people["officer"], **dates)
        if invite:
            for key in ("tenant", "manager"):
                assessor = AssessorFactory(self_assessment=sa, user=people[key])
                ScoreFactory(assessor=assessor, outcome=outcome, value=2)
        return sa

    open_sa, closed = make(), make(closed=True)
    hidden = make(invite=False, creator=UserFactory(role="officer"))
    action = ImprovementActionFactory(self_assessment=closed, outcome=outcome, owner=people["manager"])
    indicator = Indicator.objects.filter(framework__code="tenant-satisfaction-measures").first()
    figures_of = indicator.framework_id

    return [
        Row("assessments:list", f"{B}/", everyone(OK)),
        Row("assessments:new", f"{B}/new/", STAFF),
        Row("assessments:detail", f"{B}/{open_sa.pk}/", everyone(OK)),
        Row("assessments:detail", f"{B}/{hidden.pk}/", STAFF),
        Row("assessments:edit", f"{B}/{open_sa.pk}/edit/", COORDINATORS),
        Row("assessments:edit", f"{B}/{closed.pk}/edit/", everyone(FORBIDDEN)),
        Row("assessments:progress", f"{B}/{open_sa.pk}/progress/", COORDINATORS),
        Row("assessments:remind", f"{B}/{open_sa.pk}/remind/", _done(COORDINATORS), method="post"),
        Row("assessments:close", lambda role: f"{B}/{make().pk}/close/", _done(COORDINATORS), method="post"),
        Row("assessments:score", f"{B}/{open_sa.pk}/score/{standard.pk}/", ASSESSORS),
        # Nobody scores, or sees their own score form, once it has closed or if not invited.
        Row("assessments:score", f"{B}/{closed.pk}/score/{standard.pk}/", everyone(FORBIDDEN)),
        Row(
            "assessments:score",
            f"{B}/{hidden.pk}/score/{standard.pk}/",
            expect(tenant=FORBIDDEN, officer=FORBIDDEN, manager=FORBIDDEN, admin=FORBIDDEN),
        ),
        Row("assessments:finish", f"{B}/{open_sa.pk}/finish/", _done(ASSESSORS), method="post"),
        # Pooled results and the to-do list: only once closed, never while open.
        Row("assessments:results", f"{B}/{closed.pk}/results/", everyone(OK)),
        Row("assessments:results", f"{B}/{open_sa.pk}/results/", everyone(FORBIDDEN)),
        Row("assessments:todo", f"{B}/{closed.pk}/to-do/", everyone(OK)),
        Row("assessments:todo", f"{B}/{open_sa.pk}/to-do/", everyone(FORBIDDEN)),
        Row("assessments:new-action", f"{B}/{closed.pk}/outcomes/{outcome.pk}/action/", COORDINATORS),
        Row("assessments:new-action", f"{B}/{open_sa.pk}/outcomes/{outcome.pk}/action/", everyone(FORBIDDEN)),
        Row(
            "assessments:edit-action",
            f"{B}/actions/{action.pk}/",
            expect(tenant=FORBIDDEN, officer=OK, manager=OK, admin=OK),
        ),
        Row("assessments:frameworks", f"{B}/frameworks/", everyone(OK)),
        Row("assessments:framework", f"{B}/frameworks/{framework.pk}/", everyone(OK)),
        Row("assessments:import-framework", f"{B}/frameworks/import/", admins_only()),
        Row("assessments:sample-csv", f"{B}/frameworks/import/sample.csv", everyone(OK)),
        Row("assessments:sample-yaml", f"{B}/frameworks/import/sample.yaml", everyone(OK)),
        Row("assessments:figures", f"{B}/frameworks/{figures_of}/figures/", everyone(OK)),
        Row("assessments:import-figures", f"{B}/frameworks/{figures_of}/figures/import/", STAFF),
        Row("assessments:edit-figure", f"{B}/indicators/{indicator.pk}/2025/", STAFF),
        Row(
            "recommendations:from-outcome",
            f"/recommendations/from-assessment/{closed.pk}/outcomes/{outcome.pk}/",
            everyone(OK),
        ),
        Row(
            "recommendations:from-outcome",
            f"/recommendations/from-assessment/{open_sa.pk}/outcomes/{outcome.pk}/",
            everyone(FORBIDDEN),
        ),
    ]

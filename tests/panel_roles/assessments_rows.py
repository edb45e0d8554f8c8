"""What a panel role changes in a panel's self-assessment: its chair, vice-chair and supporting
officer coordinate it (see who has finished, remind, change, close) even when someone else set
it up; members see its overview; a former member no longer does.

The site roles (people) are on no panel here and did not set it up: tenants are refused, staff
see it, and only admins coordinate it."""

import datetime

from django.utils import timezone

from tests.factories.accounts import UserFactory
from tests.factories.assessments import SelfAssessmentFactory, framework_with
from tests.factories.panels import PanelFactory
from tests.permission_matrix import FORBIDDEN, OK, REDIRECT, Row, panel_cast, panel_roles

F = FORBIDDEN
B = "/assessments"


def rows(people):
    today = timezone.localdate()
    panel = PanelFactory(name="Self-assessment roles panel")
    cast = panel_cast(panel)
    framework = framework_with(1, 1)
    someone_else = UserFactory(role="officer")

    def make():
        return SelfAssessmentFactory(
            framework=framework, panel=panel, created_by=someone_else,
            opens_on=today - datetime.timedelta(days=30), closes_on=today + datetime.timedelta(days=7),
        )

    sa = make()
    see = panel_roles(tenant=F, officer=OK, manager=OK, admin=OK, chair=OK, vice_chair=OK,
                      supporting_officer=OK, member=OK, former_member=F)
    coordinate = panel_roles(tenant=F, officer=F, manager=F, admin=OK, chair=OK, vice_chair=OK,
                             supporting_officer=OK, member=F, former_member=F)
    # Setting one up: staff, and the leads of a panel.
    set_up = {**coordinate, "officer": OK, "manager": OK}
    done = {role: REDIRECT if code == OK else code for role, code in coordinate.items()}

    def row(name, url, expected, **kwargs):
        return Row(name, url, expected, cast=cast, **kwargs)

    return [
        row("assessments:new", f"{B}/new/", set_up),
        row("assessments:detail", f"{B}/{sa.pk}/", see),
        row("assessments:progress", f"{B}/{sa.pk}/progress/", coordinate),
        row("assessments:edit", f"{B}/{sa.pk}/edit/", coordinate),
        row("assessments:remind", f"{B}/{sa.pk}/remind/", done, method="post"),
        row("assessments:close", lambda role: f"{B}/{make().pk}/close/", done, method="post"),
    ]

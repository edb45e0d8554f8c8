"""Panels of the scale landlord: 12 panels, one very active, with members past and present,
meetings, attendance and training."""

from datetime import time, timedelta
from decimal import Decimal

from panels.models import (
    Attendance,
    AttendanceStatus,
    Meeting,
    Membership,
    Panel,
    PanelKind,
    PanelRole,
    Training,
)
from scrutiny.scale import Plan, bulk

PANELS = 12
ACTIVE_PANEL = "Scale: Tenant Scrutiny Panel"  # the very active one: most members and meetings
MEETINGS_A_YEAR = 10
ACTIVE_MEETINGS_A_YEAR = 45
ATTENDING = 12  # attendance rows recorded per meeting
COURSES = ["Introduction to tenant scrutiny", "Mystery shopping skills", "Safeguarding", "Data protection"]


def seed(plan: Plan) -> None:
    """Make the panels once; either way, note their ids and members for the later steps."""
    if not Panel.objects.filter(name__startswith="Scale: ").exists():
        _make(plan)
    panels = list(Panel.objects.filter(name__startswith="Scale: ").order_by("pk").values_list("pk", "name"))
    plan.made["panels"] = [pk for pk, _ in panels]
    plan.made["active_panel"] = next(pk for pk, name in panels if name == ACTIVE_PANEL)
    members: dict[int, list[int]] = {pk: [] for pk, _ in panels}
    for panel_id, user_id in Membership.objects.current().filter(panel_id__in=members).values_list(
        "panel_id", "user_id"
    ):
        members[panel_id].append(user_id)
    plan.made["members"] = members


def _make(plan: Plan) -> None:
    rnd = plan.random
    kinds = list(PanelKind.values)
    count = plan.fixed(PANELS, least=2)
    panels = [Panel(name=ACTIVE_PANEL, kind=PanelKind.SCRUTINY_PANEL, purpose="Scrutinises services.")]
    panels += [
        Panel(name=f"Scale: Panel {n}", kind=kinds[n % len(kinds)], purpose="Looks at one area of service.")
        for n in range(2, count + 1)
    ]
    panels = bulk(Panel, panels)
    people = plan.made["people"]
    tenants, officers = people["tenant"], people["officer"]
    memberships = []
    joined_floor = plan.today - timedelta(days=365 * plan.years)
    # The first tenant chairs the active panel and the first officer supports it: the people
    # the benchmark signs in as.
    memberships.append(
        Membership(panel=panels[0], user_id=tenants[0], role=PanelRole.CHAIR, joined_on=joined_floor)
    )
    memberships.append(Membership(
        panel=panels[0], user_id=officers[0], role=PanelRole.SUPPORTING_OFFICER, joined_on=joined_floor
    ))
    for n, user_id in enumerate(tenants[1:], start=1):
        # A third of tenants are on the active panel; the rest spread over the others.
        panel = panels[0] if n % 3 == 0 or len(panels) == 1 else panels[1 + n % (len(panels) - 1)]
        joined = plan.day()
        left = None
        if rnd.random() < 0.4:  # people leave: ten years of comings and goings
            left = min(plan.today, joined + timedelta(days=rnd.randint(30, 1500)))
        memberships.append(Membership(panel=panel, user_id=user_id, joined_on=joined, left_on=left))
    for panel, officer in zip(panels[1:], officers[1:], strict=False):
        memberships.append(Membership(
            panel=panel, user_id=officer, role=PanelRole.SUPPORTING_OFFICER, joined_on=joined_floor
        ))
    bulk(Membership, memberships)
    by_panel: dict[int, list[int]] = {}
    for m in memberships:
        by_panel.setdefault(m.panel_id, []).append(m.user_id)
    meetings = []
    for panel in panels:
        per_year = ACTIVE_MEETINGS_A_YEAR if panel.pk == panels[0].pk else MEETINGS_A_YEAR
        for _ in range(plan.count(per_year * 10, least=3)):
            meetings.append(Meeting(
                panel=panel, title="Panel meeting",
                date=plan.day(years_ago_max=plan.years) + timedelta(days=30),
                start_time=time(18), end_time=time(20), place="Community hall",
                agenda="1. Apologies\n2. Reviews\n3. Any other business",
            ))
    meetings = bulk(Meeting, meetings)
    attendance = []
    for meeting in meetings:
        people = by_panel[meeting.panel_id]
        for user_id in rnd.sample(people, min(ATTENDING, len(people))):
            present = rnd.random() < 0.8
            attendance.append(Attendance(
                meeting=meeting, user_id=user_id,
                status=AttendanceStatus.PRESENT if present else AttendanceStatus.APOLOGIES,
                hours=Decimal("2.00") if present else None,
            ))
    bulk(Attendance, attendance)
    training = []
    for user_id in tenants[: len(tenants) // 2]:
        done = plan.day()
        training.append(Training(
            user_id=user_id, course=rnd.choice(COURSES), provider="TPAS", completed_on=done,
            expires_on=done + timedelta(days=730),
        ))
    bulk(Training, training)
    plan.note(
        f"{len(panels)} panels, {len(memberships)} memberships, {len(meetings)} meetings, "
        f"{len(attendance)} attendance rows, {len(training)} training records"
    )

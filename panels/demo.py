"""Demo panels shaped like Perth and Kinross Council's tenant scrutiny (fictional people):
a Joint Tenant-Officer Steering Group of 13 tenants and 12 staff, the SURE Team (the scrutiny
panel), a Quality Panel and Mystery Shoppers, with meetings, attendance and training.

Idempotent: people and memberships are found by email and panel, training by person, course and
date; a panel's meetings are only made when it has none, so running the seed on a later day
does not add more."""

import datetime
from datetime import time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone, translation

from accounts.demo import demo_user
from accounts.models import Role, User
from panels.models import (
    AttendanceStatus,
    MeetingItemKind,
    Membership,
    Panel,
    PanelKind,
    PanelRole,
    Training,
)
from panels.services import meetings
from scrutiny.translated import ENGLISH

T, OFF, M = Role.TENANT, Role.OFFICER, Role.MANAGER
CHAIR, VICE, MEMBER, SUPPORT = (
    PanelRole.CHAIR,
    PanelRole.VICE_CHAIR,
    PanelRole.MEMBER,
    PanelRole.SUPPORTING_OFFICER,
)

# key: (email, name, site role). "tenant", "officer" and "manager" come from the accounts seed.
PEOPLE = {
    "sure_chair": ("iain.robertson@example.org", "Iain Robertson", T),
    "sure_member": ("aileen.stewart@example.org", "Aileen Stewart", T),
    "catriona": ("catriona.menzies@example.org", "Catriona Menzies", T),
    "douglas": ("douglas.kerr@example.org", "Douglas Kerr", T),
    "fergus": ("fergus.duncan@example.org", "Fergus Duncan", T),
    "isla": ("isla.mcgregor@example.org", "Isla McGregor", T),
    "jean": ("jean.mitchell@example.org", "Jean Mitchell", T),
    "kenneth": ("kenneth.ross@example.org", "Kenneth Ross", T),
    "lorna": ("lorna.campbell@example.org", "Lorna Campbell", T),
    "malcolm": ("malcolm.reid@example.org", "Malcolm Reid", T),
    "nicola": ("nicola.watt@example.org", "Nicola Watt", T),
    "robert": ("robert.anderson@example.org", "Robert Anderson", T),
    "shona": ("shona.gray@example.org", "Shona Gray", T),
    "tam": ("tam.hamilton@example.org", "Tam Hamilton", T),
    "wilma": ("wilma.sutherland@example.org", "Wilma Sutherland", T),
    "yvonne": ("yvonne.paterson@example.org", "Yvonne Paterson", T),
    "gillian": ("gillian.moffat@example.org", "Gillian Moffat", OFF),
    "iain_d": ("iain.drummond@example.org", "Iain Drummond", OFF),
    "karen": ("karen.lindsay@example.org", "Karen Lindsay", OFF),
    "stuart": ("stuart.blair@example.org", "Stuart Blair", M),
    "ruth": ("ruth.ogilvie@example.org", "Ruth Ogilvie", OFF),
    "colin": ("colin.fleming@example.org", "Colin Fleming", OFF),
    "fiona": ("fiona.baxter@example.org", "Fiona Baxter", M),
    "neil": ("neil.cameron@example.org", "Neil Cameron", OFF),
    "amina": ("amina.yusuf@example.org", "Amina Yusuf", OFF),
    "graeme": ("graeme.innes@example.org", "Graeme Innes", OFF),
}

STEERING_TENANTS = [
    ("sure_chair", MEMBER),
    ("catriona", CHAIR),
    ("jean", VICE),
    ("tenant", MEMBER),
    ("sure_member", MEMBER),
    ("douglas", MEMBER),
    ("isla", MEMBER),
    ("kenneth", MEMBER),
    ("lorna", MEMBER),
    ("malcolm", MEMBER),
    ("nicola", MEMBER),
    ("robert", MEMBER),
    ("wilma", MEMBER),
]
STEERING_STAFF = [
    ("gillian", SUPPORT),
    ("officer", MEMBER),
    ("manager", MEMBER),
    ("iain_d", MEMBER),
    ("karen", MEMBER),
    ("stuart", MEMBER),
    ("ruth", MEMBER),
    ("colin", MEMBER),
    ("fiona", MEMBER),
    ("neil", MEMBER),
    ("amina", MEMBER),
    ("graeme", MEMBER),
]

# name, kind, purpose, members, meeting (title, start, end, place)
PANELS = [
    (
        "Joint Tenant-Officer Steering Group",
        PanelKind.STEERING_GROUP,
        "Tenants and staff together plan how tenants scrutinise housing services, and keep the "
        "scrutiny framework joined up.",
        STEERING_TENANTS + STEERING_STAFF,
        (
            "Steering group meeting",
            time(14, 0),
            time(16, 0),
            "Council Building, 2 High Street, Committee Room 1",
        ),
    ),
    (
        "SURE Team",
        PanelKind.SCRUTINY_PANEL,
        "The Service User Review and Evaluation Team: trained tenants who scrutinise one housing "
        "service at a time and recommend improvements.",
        [
            ("sure_chair", CHAIR),
            ("sure_member", VICE),
            ("tenant", MEMBER),
            ("isla", MEMBER),
            ("kenneth", MEMBER),
            ("lorna", MEMBER),
            ("tam", MEMBER),
            ("officer", SUPPORT),
        ],
        (
            "SURE Team meeting",
            time(10, 0),
            time(12, 0),
            "Tenant Participation Office, 5 South Street, Room 2",
        ),
    ),
    (
        "Quality Panel",
        PanelKind.QUALITY_PANEL,
        "Resident inspectors who check empty homes before they are let and award the "
        "'Customer Approved' mark to letters and leaflets written in plain English.",
        [
            ("jean", CHAIR),
            ("malcolm", MEMBER),
            ("nicola", MEMBER),
            ("robert", MEMBER),
            ("wilma", MEMBER),
            ("karen", SUPPORT),
        ],
        ("Quality Panel meeting", time(10, 0), time(12, 30), "Housing Office, 14 North Road, Meeting Room"),
    ),
    (
        "Mystery Shoppers",
        PanelKind.MYSTERY_SHOPPERS,
        "Tenants who test the customer service standards by phone, email and at local housing offices.",
        [
            ("douglas", CHAIR),
            ("tenant", MEMBER),
            ("yvonne", MEMBER),
            ("tam", MEMBER),
            ("isla", MEMBER),
            ("iain_d", SUPPORT),
        ],
        ("Mystery Shoppers debrief", time(13, 30), time(15, 0), ""),
    ),
]

COURSES = [
    # course, provider, who (people keys), completed days ago, valid for days (None: no expiry)
    (
        "Introduction to tenant scrutiny",
        "Tenant Information Service (TIS)",
        ["sure_chair", "sure_member", "tenant", "isla", "kenneth", "lorna", "tam", "catriona", "fergus"],
        640,
        None,
    ),
    ("Mystery shopping skills", "TPAS Scotland", ["douglas", "tenant", "yvonne", "tam", "isla"], 700, 730),
    (
        "Data protection for volunteers",
        "Tayview Council",
        ["sure_chair", "tenant", "jean", "douglas"],
        380,
        365,
    ),
    ("Data protection for volunteers", "Tayview Council", ["sure_member", "kenneth", "malcolm"], 60, 365),
    (
        "Void inspection standards",
        "Tayview Council",
        ["jean", "malcolm", "nicola", "robert", "wilma"],
        45,
        None,
    ),
    ("Plain English for reviewers", "Plain Language Commission", ["jean", "nicola", "shona"], 200, None),
    ("Chairing meetings well", "TPAS Scotland", ["catriona", "sure_chair"], 20, None),
]


def _today() -> datetime.date:
    return timezone.localdate()


def _join(panel: Panel, user: User, role: str, *, joined_on: datetime.date,
          left_on: datetime.date | None = None) -> Membership:
    """A spell of membership, made once (found by its person, panel and joining date)."""
    membership, _ = Membership.objects.get_or_create(
        panel=panel, user=user, joined_on=joined_on, defaults={"role": role, "left_on": left_on}
    )
    return membership


def _current(panel: Panel, user: User, role: str, joined_on: datetime.date) -> None:
    if not Membership.objects.current().filter(panel=panel, user=user).exists():
        Membership.objects.create(panel=panel, user=user, role=role, joined_on=joined_on)


def _status(i: int, j: int) -> str:
    """A fixed, believable pattern: most present, some apologies, a few absent."""
    n = (i * 7 + j * 3) % 10
    return (
        AttendanceStatus.ABSENT
        if n == 0
        else AttendanceStatus.APOLOGIES
        if n in (1, 4)
        else AttendanceStatus.PRESENT
    )


def _meetings(panel: Panel, spec: tuple[str, time, time, str] | None, people: dict[str, User],
              chair: User | None) -> None:
    """Six past meetings with attendance, decisions, actions and a paper, and two to come, all
    arranged and recorded through the services by the panel's chair (so the demo holds nothing
    the services would refuse)."""
    if panel.meetings.exists() or chair is None:
        return
    title, start, end, place = spec
    today = _today()
    link = "" if place else "https://meet.example.org/mystery-shoppers"
    past = [today - timedelta(days=28 * k + 3) for k in range(6, 0, -1)]
    for i, date in enumerate(past):
        meeting = meetings.create_meeting(
            panel=panel, by=chair, title=title, date=date, start_time=start, end_time=end,
            place=place, online_link=link,
            agenda="1. Welcome and apologies\n2. Minutes of the last meeting\n3. Progress on current work\n"
            "4. Any other business",
        )
        meeting = meetings.update_meeting(
            meeting=meeting, by=chair,
            minutes=f"The chair welcomed everyone. The minutes of the last meeting were agreed. "
            f"Members discussed progress on the {panel.name}'s current work.",
        )
        members = Membership.objects.current(date).filter(panel=panel).select_related("user")
        meetings.record_attendance(
            meeting=meeting, by=chair,
            entries=[(m.user, _status(i, j), None) for j, m in enumerate(members)],
        )
        meetings.add_item(
            meeting=meeting, by=chair, kind=MeetingItemKind.DECISION,
            text="The minutes of the last meeting were agreed as a true record.",
        )
        meetings.add_item(
            meeting=meeting, by=chair, kind=MeetingItemKind.ACTION, owner=chair,
            due_on=date + timedelta(days=21),
            text="Circulate the notes of this meeting to members who could not attend.",
        )
        if i == len(past) - 1:
            meetings.add_paper(
                meeting=meeting, by=chair, title="Progress report",
                file=ContentFile(
                    f"{panel.name}: progress report\n\nWork is on track. Members will hear more at the "
                    "next meeting.\n".encode(),
                    name="progress-report.txt",
                ),
            )
    for k, days in enumerate((9, 37)):
        meeting = meetings.create_meeting(
            panel=panel, by=chair, title=title, date=today + timedelta(days=days), start_time=start,
            end_time=end, place=place, online_link=link,
            agenda="1. Welcome and apologies\n2. Minutes of the last meeting\n"
            "3. Planning the next piece of work",
        )
        if k == 0:
            # One member has already sent apologies (not the demo tenant, so they can try it).
            other = (
                Membership.objects.current()
                .filter(panel=panel, user__role=T)
                .exclude(user=people.get("tenant"))
                .select_related("user")
                .first()
            )
            if other:
                meetings.send_apologies(meeting=meeting, user=other.user, note="Hospital appointment.")


# Each demo panel's name and purpose in Welsh; the Mystery Shoppers have none, to show the English
# standing in on Welsh pages.
WELSH = {
    "Joint Tenant-Officer Steering Group": (
        "Grŵp Llywio ar y Cyd Tenantiaid a Swyddogion",
        "Mae tenantiaid a staff gyda’i gilydd yn cynllunio sut mae tenantiaid yn craffu ar "
        "wasanaethau tai, ac yn cadw’r fframwaith craffu’n gyson.",
    ),
    "SURE Team": (
        "Tîm SURE",
        "Y Tîm Adolygu a Gwerthuso gan Ddefnyddwyr Gwasanaeth: tenantiaid wedi’u hyfforddi sy’n "
        "craffu ar un gwasanaeth tai ar y tro ac yn argymell gwelliannau.",
    ),
    "Quality Panel": (
        "Panel Ansawdd",
        "Preswylwyr sy’n arolygu cartrefi gwag cyn iddyn nhw gael eu gosod, ac yn dyfarnu’r marc "
        "‘Cymeradwywyd gan Gwsmeriaid’ i lythyrau a thaflenni mewn iaith glir.",
    ),
}


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    """Demo data for this app; idempotent. Returns the demo people it adds, by key."""
    people = dict(people)
    added = {key: demo_user(email, name, role, password) for key, (email, name, role) in PEOPLE.items()}
    people.update(added)
    today = _today()
    long_ago = today - timedelta(days=720)
    panels = {}
    for name, kind, purpose, members, _ in PANELS:
        panel, _ = Panel.objects.get_or_create(
            name_en_gb=name, defaults={"name": name, "kind": kind, "purpose": purpose}
        )
        if not panel.purpose_en_gb:
            panel.purpose_en_gb = purpose
        # The landlord's Welsh beside the English, as a Welsh landlord would write it.
        panel.name_cy, panel.purpose_cy = WELSH.get(name, (None, None))
        with translation.override(ENGLISH):  # the panel's own column keeps the English
            panel.save()
        for key, role in members:
            if key in people:
                _current(panel, people[key], role, long_ago)
        panels[name] = panel

    # History: Fergus left the SURE Team mid-year; Shona left the Quality Panel and rejoined.
    sure, quality = panels["SURE Team"], panels["Quality Panel"]
    _join(sure, people["fergus"], MEMBER, joined_on=long_ago, left_on=today - timedelta(days=120))
    _join(quality, people["shona"], MEMBER, joined_on=long_ago, left_on=today - timedelta(days=300))
    if not Membership.objects.filter(panel=quality, user=people["shona"], left_on__isnull=True).exists():
        _join(quality, people["shona"], MEMBER, joined_on=today - timedelta(days=90))

    for name, _, _, members, meeting_spec in PANELS:
        chair = next((people[k] for k, r in members if r == CHAIR and k in people), None)
        _meetings(panels[name], meeting_spec, people, chair)

    for course, provider, who, days_ago, valid_for in COURSES:
        completed_on = today - timedelta(days=days_ago)
        for key in who:
            Training.objects.get_or_create(
                user=people[key],
                course=course,
                completed_on=completed_on,
                defaults={
                    "provider": provider,
                    "expires_on": completed_on + timedelta(days=valid_for) if valid_for else None,
                },
            )
    return added

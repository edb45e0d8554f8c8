"""Who the simulated people of `make bench-load` are and what each may do, read from the scale
landlord's database: passed to the locust file (bench/locustfile.py) as JSON.

Each person signs in with their own email. Tenants are current members of a panel (the very
active panel's first), each with a review of their panel to log findings on and, where their
panel has a mystery-shopping programme, the programme to record visits in. Officers own
recommendations whose work is open, to add progress to. Managers share the recommendations
waiting for the landlord's response, each answered once (a later run finds fewer). Admins read
lists."""

from __future__ import annotations

import random
from typing import Any

# Of 50 people at once: mostly tenants, as on a real site (roughly the seeded landlord's mix of
# active users: tenants on panels, the officers and managers who answer them, a few admins).
COUNTS = {"tenant": 35, "officer": 8, "manager": 5, "admin": 2}


def build(counts: dict[str, int] | None = None, *, password: str = "", seed: int = 26) -> dict[str, Any]:
    from accounts.models import Role, User
    from accounts.scale import PASSWORD, authenticator_key
    from panels.models import Membership
    from recommendations.models import OPEN_WORK, Recommendation, Status
    from reviews.models import Review, ReviewKind

    counts = counts or COUNTS
    rnd = random.Random(seed)
    reviews = Review.objects.exclude(kind=ReviewKind.MYSTERY_SHOPPING)
    programmes = Review.objects.filter(kind=ReviewKind.MYSTERY_SHOPPING)
    busiest = programmes.values_list("panel_id", flat=True).first()
    members = (
        Membership.objects.current().filter(user__role=Role.TENANT, user__is_active=True)
        .order_by("user__email").values_list("user__email", "panel_id")
    )
    seen: set[str] = set()
    tenants = []
    for email, panel in sorted(members, key=lambda row: (row[1] != busiest, row[0])):
        panel_reviews = list(reviews.filter(panel_id=panel).order_by("pk").values_list("pk", flat=True)[:50])
        if email in seen or not panel_reviews:
            continue
        seen.add(email)
        tenants.append({
            "email": email, "panel": panel, "review": rnd.choice(panel_reviews),
            "programme": programmes.filter(panel_id=panel).values_list("pk", flat=True).first(),
        })
    open_work = Recommendation.objects.filter(status__in=OPEN_WORK, owner__role=Role.OFFICER)
    officers: dict[str, list[int]] = {}
    for email, pk in open_work.order_by("owner__email", "pk").values_list("owner__email", "pk"):
        if len(officers.setdefault(email, [])) < 3:
            officers[email].append(pk)
    managers = list(User.objects.filter(role=Role.MANAGER, is_active=True).order_by("email")
                    .values_list("email", flat=True)[:counts["manager"]])
    waiting = list(Recommendation.objects.filter(status=Status.SUBMITTED).order_by("pk")
                   .values_list("pk", flat=True))
    admins = (User.objects.filter(role=Role.ADMIN, is_active=True).order_by("email")
              .values_list("email", flat=True))
    # Managers see every recommendation but a panel's drafts.
    some = list(Recommendation.objects.exclude(status=Status.DRAFT).order_by("pk")
                .values_list("pk", flat=True)[:200])
    active_panel = busiest or Membership.objects.values_list("panel_id", flat=True).first()
    return {
        "password": password or PASSWORD,
        # Staff pass the second factor with their seeded authenticator app (accounts/scale.py).
        "authenticator_key": authenticator_key(),
        "tenant": tenants[:counts["tenant"]],
        "officer": [{"email": e, "recommendations": pks}
                    for e, pks in list(officers.items())[:counts["officer"]]],
        "manager": [{"email": e, "to_answer": waiting[n::len(managers)], "recommendations": some}
                    for n, e in enumerate(managers)],
        "admin": [{"email": e, "panel": active_panel} for e in admins[:counts["admin"]]],
    }

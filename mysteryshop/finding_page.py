"""The part of a finding's page this app adds (extensions.FINDING_PAGE_SECTIONS): the visits a
finding was raised from, and the follow-up visits against the same standard since it was logged,
so the panel can see whether things got better."""

from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from mysteryshop import permissions as perms
from mysteryshop import selectors
from mysteryshop.models import Standard, VisitFinding

SHOWN = 20  # visits listed of each kind; the counts above the lists cover them all


def section(finding: Any, user: Any) -> dict[str, Any] | None:
    """The finding's visits and follow-ups, or None for a finding not raised from visits."""
    source = VisitFinding.objects.filter(finding=finding).first()
    if source is None:
        return None
    source.finding = finding  # the selectors read its review; it is loaded already
    evidence = list(source.visits.select_related("site").order_by("-visited_at", "-pk")[:SHOWN + 1])
    tally = selectors.follow_up_tally(source=source)
    return {
        "template": "mysteryshop/_finding_section.html",
        "source": source,
        "evidence": evidence[:SHOWN],
        "more_evidence": len(evidence) > SHOWN,
        "follow_ups": list(selectors.follow_up_answers(source=source)[:SHOWN]),
        "tally": tally,
        "start_links": _start_links(source, evidence, user),
    }


def _start_links(source: VisitFinding, evidence: list[Any], user: Any) -> list[dict[str, str]]:
    """Links that open "Start a visit" with the current checklist holding the same standard and
    each site the finding was seen at chosen already."""
    review = source.finding.review
    if not perms.can_record_visit(user, review):
        return []
    standard = (
        Standard.objects.filter(key=source.standard_key, checklist__is_current=True)
        .values("checklist_id").first()
    )
    if standard is None:  # the standard was taken out of every current checklist
        return []
    url = reverse("mysteryshop:visit-start", args=[review.pk])
    links, seen = [], set()
    for visit in evidence:
        if (visit.site_id, visit.channel) in seen or not visit.site.is_active:
            continue
        seen.add((visit.site_id, visit.channel))
        query = urlencode({"checklist": standard["checklist_id"], "site": visit.site_id,
                           "channel": visit.channel})
        links.append({"url": f"{url}?{query}",
                      "label": f"{visit.site.name} ({visit.get_channel_display().lower()})"})
    if not links:
        links.append({"url": f"{url}?checklist={standard['checklist_id']}", "label": _("any site")})
    return links[:5]

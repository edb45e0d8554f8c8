"""Demo words for the Annual Report to Tenants: the panel's view of the latest finished year,
written through the service as a panel member, on the whole of "How we performed" and on
outcomes of the Charter, one of which (participation) has no figures, so the demo shows an
outcome reported in words alone. Running the seed again adds nothing."""

from assessments.models import Outcome
from assessments.selectors import default_year
from reports.annual.outcomes import outcome_key, report_framework
from reports.assessment import save_section
from reports.models import AssessmentSection

WORDS = {
    "performance": "Most figures moved the right way, but repairs satisfaction fell while the time to fix "
    "things got shorter: quicker is not the same as better. We will look at that next year.",
    "4": "More homes meet the quality standard than last year. Tenants in the flats at Kinnoull Court "
    "told us about damp that the figures do not show.",
    "5": "Repairs are done faster and more often right first time, yet fewer tenants are satisfied. "
    "Tenants told us they are not kept informed about when the repairer will come.",
    "3": "There are no figures for participation, but the panel grew from eight members to eleven "
    "this year, and the landlord now asks tenants before changing any letter they receive.",
}


def seed(*, password: str, people: dict) -> dict:
    writer = people.get("tenant")
    framework = report_framework()
    if writer is None or framework is None:
        return {}
    year = default_year()
    outcomes = {o.code: o for o in Outcome.objects.filter(framework=framework, code__in=list(WORDS))}
    for code, text in WORDS.items():
        key = code if code == "performance" else outcome_key(outcomes[code].pk) if code in outcomes else None
        if key is None or AssessmentSection.objects.filter(annual_report__year=year, section=key).exists():
            continue
        save_section(year=year, section=key, text=text, version=None, by=writer)
    return {}

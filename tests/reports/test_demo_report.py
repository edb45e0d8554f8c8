"""The demo's Annual Report shows outcomes with this and last year's figures and the panel's
words, including an outcome reported in words alone."""

import io

from django.core.management import call_command

from assessments.selectors import default_year
from reports import selectors
from reports.models import AssessmentSection


def test_the_demo_report_has_figures_by_outcome_and_the_panels_words(db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # again: nothing added

    report = selectors.annual_report(year=default_year())

    performance = next(s for s in report["sections"] if s.key == "performance")
    assert performance.assessment.startswith("Most figures moved the right way")
    outcomes = {o.code: o for part in performance.data["frameworks"]
                for _, group in part.groups for o in group}
    repairs = outcomes["5"]
    assert len(repairs.measures) >= 3 and all(m.previous is not None for m in repairs.measures)
    assert repairs.assessment.startswith("Repairs are done faster")
    participation = outcomes["3"]
    assert participation.measures == [] and participation.assessment.startswith("There are no figures")
    assert AssessmentSection.objects.count() == 4

"""The one registry of what each app adds to others (scrutiny/extensions.py): each app registers in
its AppConfig.ready(), things come out in the apps' order, and settings hold none of it."""

import pytest
from django.conf import settings

from scrutiny import extensions

OLD_SETTINGS = (
    "HOME_SECTIONS", "ADMINISTRATION_PAGES", "DEMO_SEEDS", "SCALE_SEEDS", "ASSESSMENT_OUTCOME_LINKS",
    "REVIEW_PAGE_LINKS", "REVIEW_PAGE_SECTIONS", "PUBLIC_PAGES", "PANEL_PAGE_SECTIONS",
    "FINDING_PAGE_SECTIONS", "PERSONAL_DATA_ERASERS", "PERSONAL_DATA_SECTIONS", "LARGE_EXPORT_HANDLER",
    "AUDITED_DOWNLOADS",
)


def test_settings_hold_no_list_of_what_apps_add_to_each_other():
    assert [name for name in OLD_SETTINGS if hasattr(settings, name)] == []


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        (extensions.HOME_SECTIONS, [
            "accounts.home.section", "panels.home.section", "assessments.home.section",
            "reviews.home.section", "recommendations.home.section",
        ]),
        # Today's order of the steps, which later steps may rely on.
        (extensions.DEMO_SEEDS, [
            "accounts.demo.seed", "panels.demo.seed", "reviews.demo.seed", "mysteryshop.demo.seed",
            "assessments.demo.seed", "recommendations.demo.seed", "reports.demo.seed",
            "comparisons.demo.seed", "opendata.demo.seed",
        ]),
        (extensions.SCALE_SEEDS, [
            "accounts.scale.seed", "panels.scale.seed", "reviews.scale.seed", "assessments.scale.seed",
            "mysteryshop.scale.seed", "recommendations.scale.seed", "reports.scale.seed",
        ]),
        (extensions.REVIEW_PAGE_LINKS, [
            "mysteryshop.review_page.links", "recommendations.review_page.links",
        ]),
        (extensions.REVIEW_PAGE_SECTIONS, ["reports.review_page.section", "opendata.review_page.section"]),
        (extensions.PANEL_PAGE_SECTIONS, ["reviews.panel_page.section"]),
        (extensions.FINDING_PAGE_SECTIONS, ["mysteryshop.finding_page.section"]),
        (extensions.ASSESSMENT_OUTCOME_LINKS, ["recommendations.assessment_links.for_outcomes"]),
        (extensions.PUBLIC_PAGES, [
            "mysteryshop.public.page", "recommendations.public.page", "reports.public.page",
            "opendata.public.programme_page", "opendata.public.recommendations_page",
            "opendata.public.open_data_page", "comparisons.public.tsm_page",
            "comparisons.public.charter_page",
        ]),
        (extensions.PERSONAL_DATA_SECTIONS, [
            "accounts.selectors.personal_data", "accounts.second_factor.services.personal_data",
            "panels.personal_data.collect",
            "assessments.personal_data.collect", "reviews.personal_data.collect",
            "mysteryshop.personal_data.collect", "recommendations.personal_data.collect",
            "reports.personal_data.collect",
        ]),
        (extensions.PERSONAL_DATA_ERASERS, [
            "accounts.second_factor.services.erase", "reports.personal_data.erase",
        ]),
        (extensions.LARGE_EXPORT_HANDLER, ["reports.views.requests.queue_large_export"]),
    ],
)
def test_each_app_registers_what_it_adds_in_the_apps_order(kind, expected):
    assert extensions.registered(kind) == expected


def test_the_main_menu_keeps_its_order():
    labels = [link["label"] for link in extensions.registered(extensions.MENU_LINKS)]
    assert labels == ["Panels", "Reviews", "Self-assessments", "Recommendations", "Reports", "Visits"]


def test_administration_pages_and_audited_downloads_come_from_the_apps():
    names = [url_name for _, url_name, _ in extensions.registered(extensions.ADMINISTRATION_PAGES)]
    assert names[0] == "site-settings" and names[-3:] == ["audit", "failed-jobs", "system-health"]
    assert {"accounts:people", "panels:list", "mysteryshop:jargon", "comparisons:imports"} <= set(names)
    assert dict(extensions.registered(extensions.AUDITED_DOWNLOADS)) == {
        "accounts:personal-data": "personal_data",
        "recommendations:export-csv": "export",
        "recommendations:export-xlsx": "export",
        "reports:download": "export",
    }


def test_override_replaces_a_kind_for_a_block_only():
    before = extensions.registered(extensions.REVIEW_PAGE_LINKS)
    with extensions.override(extensions.REVIEW_PAGE_LINKS, ["a.b", "c.d"]):
        assert extensions.registered(extensions.REVIEW_PAGE_LINKS) == ["a.b", "c.d"]
    assert extensions.registered(extensions.REVIEW_PAGE_LINKS) == before


def test_an_unknown_kind_is_refused_in_plain_words():
    with pytest.raises(ValueError, match="no kind of extension called 'home sectoins'"):
        extensions.register("home sectoins", "accounts.home.section")


def test_every_registered_function_imports_and_every_template_and_url_name_exists():
    from django.template.loader import get_template
    from django.urls import reverse

    data_kinds = (extensions.MENU_LINKS, extensions.ADMINISTRATION_PAGES, extensions.AUDITED_DOWNLOADS)
    template_kinds = (extensions.ACCOUNT_MENU, extensions.TRACKER_PARTS)
    for kind in set(extensions.KINDS) - set(data_kinds) - set(template_kinds):
        assert all(callable(function) for function in extensions.functions(kind)), kind
    for kind in template_kinds:
        assert [get_template(name) for name in extensions.registered(kind)], kind
    assert all(reverse(link["url_name"]) for link in extensions.registered(extensions.MENU_LINKS))
    assert all(reverse(name) for _, name, _ in extensions.registered(extensions.ADMINISTRATION_PAGES))

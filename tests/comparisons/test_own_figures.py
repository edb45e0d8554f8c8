"""Our landlord's own row in the regulator's figures fills our own figures, after showing where they
differ from figures already entered and letting the administrator choose row by row."""

import html
from decimal import Decimal

import pytest

from assessments import services as assessment_services
from assessments.models import Framework, Indicator, IndicatorValue
from comparisons.models import Figure, Landlord, TsmImport
from scrutiny.models import SiteSettings
from tests.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db
PAGE = "/comparisons/own-figures/"
YEAR = 2024


def _tsm(code):
    return Indicator.objects.get(framework=Framework.objects.get(code="tenant-satisfaction-measures"),
                                 code=code)


def _published(code, figures, year=YEAR):
    tsm_import = TsmImport.objects.get_or_create(sha256="7" * 64, defaults={"file_name": "tsm.xlsx"})[0]
    landlord = Landlord.objects.get_or_create(code=code, defaults={
        "name": f"Landlord {code}", "landlord_type": "PRP", "described_in_year": year})[0]
    for (measure, tenure), value in figures.items():
        Figure.objects.create(landlord=landlord, measure=measure, tenure=tenure, year=year,
                              value=Decimal(value), tsm_import=tsm_import)


def _ours(code, value, year=YEAR, by=None):
    return IndicatorValue.objects.create(indicator=_tsm(code), year=year, value=Decimal(value), updated_by=by)


def _our_code(code="L4240"):
    site = SiteSettings.load()
    site.regulator_code = code
    site.save()


@pytest.fixture
def published(db):
    """Our row: TP01 not entered, TP02 and BS01 differ from ours, TP03 the same. Another landlord's
    figures are not ours."""
    _published("L4240", {("TP01", "lcra"): "71.8", ("TP02", "lcra"): "80.0", ("TP03", "lcra"): "60.0",
                         ("BS01", "combined"): "99.5"})
    _published("L0001", {("TP04", "lcra"): "50.0"})
    _ours("TP02", "75")
    _ours("TP03", "60")
    _ours("BS01", "98")
    _our_code()


def _key(code, year=YEAR):
    return f"{_tsm(code).pk}-{year}"


def _form(choices=None, versions=None):
    """What the page posts: each row's version as it was opened, and a choice per row to choose."""
    data = {}
    for code in ("TP01", "TP02", "TP03", "BS01"):
        saved = IndicatorValue.objects.filter(indicator=_tsm(code), year=YEAR).first()
        data[f"version-{_key(code)}"] = saved.version if saved else 0
    data.update({f"version-{_key(c)}": v for c, v in (versions or {}).items()})
    data.update({f"choice-{_key(c)}": v for c, v in (choices or {}).items()})
    return data


def _checked(page, code, choice):
    return f'name="choice-{_key(code)}" value="{choice}" checked' in page


def test_the_page_lists_new_differing_and_same_figures_with_keep_ours_the_default(client, admin, published):
    client.force_login(admin)

    page = html.unescape(client.get(PAGE).content.decode())

    assert "Landlord L4240 (L4240)" in page
    assert "TP01: Overall satisfaction, 2024/25" in page and "Not entered" in page
    assert "TP02: Satisfaction with repairs, 2024/25" in page and "75.00" in page and "80.0" in page
    assert _checked(page, "TP01", "use") and _checked(page, "TP02", "keep") and _checked(page, "BS01", "keep")
    assert f'name="choice-{_key("TP03")}"' not in page and "The same" in page
    assert "TP04" not in page  # another landlord's row


def test_choosing_keep_or_use_per_row_fills_and_changes_in_one_go(client, admin, published):
    client.force_login(admin)
    before = IndicatorValue.objects.get(indicator=_tsm("TP02"), year=YEAR).version

    response = client.post(PAGE, _form({"TP01": "use", "TP02": "use", "BS01": "keep"}), follow=True)

    page = html.unescape(response.content.decode())
    filled = IndicatorValue.objects.get(indicator=_tsm("TP01"), year=YEAR)
    changed = IndicatorValue.objects.get(indicator=_tsm("TP02"), year=YEAR)
    assert (filled.value, filled.updated_by) == (Decimal("71.80"), admin)
    assert (changed.value, changed.updated_by, changed.version) == (Decimal("80.00"), admin, before + 1)
    assert IndicatorValue.objects.get(indicator=_tsm("BS01"), year=YEAR).value == Decimal("98")
    assert "Filled 1 figure from the regulator's: TP01 2024/25." in page
    assert "Changed 1 figure to the regulator's: TP02 2024/25." in page


def test_a_new_figure_can_be_left_empty(client, admin, published):
    client.force_login(admin)

    response = client.post(PAGE, _form({"TP01": "keep"}), follow=True)

    assert "Nothing was filled or changed: you kept every figure of ours." in html.unescape(
        response.content.decode())
    assert not IndicatorValue.objects.filter(indicator=_tsm("TP01"), year=YEAR).exists()


def test_a_figure_edited_after_the_page_opened_is_named_and_the_choices_kept(client, admin, published):
    opened = _form({"TP01": "use", "TP02": "use", "BS01": "use"})
    officer = UserFactory(role="officer", display_name="Olive Officer")
    saved = IndicatorValue.objects.get(indicator=_tsm("TP02"), year=YEAR)
    assessment_services.save_indicator_value(indicator=_tsm("TP02"), year=YEAR, by=officer,
                                             version=saved.version, value=Decimal("77"))
    client.force_login(admin)

    response = client.post(PAGE, opened)

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "Olive Officer changed TP02 2024/25 to 77.00 after you opened this page." in page
    assert "Nothing was saved" in page
    assert _checked(page, "TP01", "use") and _checked(page, "TP02", "use") and _checked(page, "BS01", "use")
    assert IndicatorValue.objects.get(indicator=_tsm("TP02"), year=YEAR).value == Decimal("77")
    assert not IndicatorValue.objects.filter(indicator=_tsm("TP01"), year=YEAR).exists()


def test_a_figure_entered_after_the_page_opened_is_a_clash_too(client, admin, published):
    opened = _form({"TP01": "use"})
    _ours("TP01", "70", by=UserFactory(role="officer", display_name="Olive Officer"))
    client.force_login(admin)

    page = html.unescape(client.post(PAGE, opened).content.decode())

    assert "Olive Officer entered TP01 2024/25 as 70.00 after you opened this page." in page
    assert IndicatorValue.objects.get(indicator=_tsm("TP01"), year=YEAR).value == Decimal("70")


def test_nothing_to_fill_says_so(client, admin):
    _published("L4240", {("TP01", "lcra"): "71.8"})
    _ours("TP01", "71.8")
    _our_code()
    client.force_login(admin)

    page = html.unescape(client.get(PAGE).content.decode())

    assert ("Nothing to fill: every figure the regulator publishes for this landlord is entered already"
            in page)
    assert "<button" not in page.split("<main", 1)[1].split("Nothing to fill", 1)[0]


def test_without_a_regulator_code_the_page_says_so_and_links_the_site_settings(client, admin):
    _published("L4240", {("TP01", "lcra"): "71.8"})
    client.force_login(admin)

    page = html.unescape(client.get(PAGE).content.decode())

    assert "The site settings do not say which landlord this is" in page
    assert 'href="/administration/site-settings/"' in page


def test_a_code_with_no_row_in_the_imported_figures_says_so(client, admin):
    _published("L0001", {("TP01", "lcra"): "71.8"})
    _our_code("L4240")
    client.force_login(admin)

    page = html.unescape(client.get(PAGE).content.decode())

    assert "The regulator's figures imported so far have no row for L4240" in page


def test_a_landlord_with_only_shared_ownership_homes_fills_from_those_figures(client, admin):
    _published("L4240", {("TP01", "lcra"): "71.8", ("TP01", "lcho"): "64.2"})
    _our_code()
    site = SiteSettings.load()
    site.rents_homes, site.has_shared_ownership = False, True
    site.save()
    client.force_login(admin)

    client.post(PAGE, {f"version-{_key('TP01')}": 0, f"choice-{_key('TP01')}": "use"})

    assert IndicatorValue.objects.get(indicator=_tsm("TP01"), year=YEAR).value == Decimal("64.20")


def test_the_import_page_and_the_imports_page_link_to_it_once_figures_are_saved(client, admin, published):
    applied = TsmImport.objects.get()
    client.force_login(admin)

    assert f'href="{PAGE}"' in client.get("/comparisons/imports/").content.decode()
    assert f'href="{PAGE}"' not in client.get(f"/comparisons/imports/{applied.pk}/").content.decode()
    TsmImport.objects.filter(pk=applied.pk).update(status=TsmImport.Status.APPLIED)
    assert f'href="{PAGE}"' in client.get(f"/comparisons/imports/{applied.pk}/").content.decode()


def test_other_roles_are_refused_and_nothing_is_filled(client, published):
    client.force_login(UserFactory(role="manager"))

    response = client.post(PAGE, _form({"TP01": "use"}))

    assert response.status_code == 403
    assert not IndicatorValue.objects.filter(indicator=_tsm("TP01"), year=YEAR).exists()

"""Every comparisons URL against every role: importing the regulator's figures, filling our own
figures from them and choosing the landlords to compare with are for administrators only; "How we
compare" is for everyone signed in, and for people who are not signed in too once the site switch
is on, for a framework the regulator publishes figures for."""

from django.core.files.uploadedfile import SimpleUploadedFile

from comparisons import public
from comparisons.models import TsmImport
from scrutiny.models import SiteSettings
from tests.comparisons.charter_files import sample
from tests.comparisons.workbooks import MEADOW, build
from tests.permission_matrix import OK, REDIRECT, Row, admins_only, everyone

B = "/comparisons"


def _switched(on, url):
    """The URL, with "How we compare" switched on or off for people who are not signed in."""
    site = SiteSettings.load()
    site.switches = {**site.switches, public.PUBLIC_HOW_WE_COMPARE: on}
    site.save()
    return url


def rows(people):
    def read_import(role):
        made = TsmImport.objects.create(file_name=f"{role}.xlsx", sha256=role.ljust(64, "0"),
                                        status=TsmImport.Status.READ, reporting_year=2023)
        return f"{B}/imports/{made.pk}/apply/"

    shown = TsmImport.objects.create(file_name="shown.xlsx", sha256="1" * 64, status=TsmImport.Status.READ)
    return [
        Row("comparisons:imports", f"{B}/imports/", admins_only()),
        Row("comparisons:imports", f"{B}/imports/", admins_only(REDIRECT), method="post",
            data=lambda role: {"file": SimpleUploadedFile("tsm.xlsx", build([MEADOW]))}),
        Row("comparisons:imports", f"{B}/imports/", admins_only(REDIRECT), method="post",
            data=lambda role: {"file": SimpleUploadedFile("charter.csv", sample().read_bytes())}),
        Row("comparisons:import", f"{B}/imports/{shown.pk}/", admins_only()),
        Row("comparisons:import-status", f"{B}/imports/{shown.pk}/status/", admins_only()),
        Row("comparisons:apply-import", read_import, admins_only(REDIRECT), method="post"),
        Row("comparisons:own-figures", f"{B}/own-figures/", admins_only()),
        Row("comparisons:own-figures", f"{B}/own-figures/", admins_only(REDIRECT), method="post"),
        Row("comparisons:how-we-compare", f"{B}/frameworks/tenant-satisfaction-measures/", everyone(OK)),
        Row("comparisons:how-we-compare",
            lambda role: _switched(False, f"{B}/frameworks/scottish-social-housing-charter-2022/"),
            everyone(OK)),
        Row("comparisons:how-we-compare",
            lambda role: _switched(True, f"{B}/frameworks/tenant-satisfaction-measures/"),
            everyone(OK, anonymous=OK)),
        Row("comparisons:how-we-compare",
            lambda role: _switched(True, f"{B}/frameworks/scottish-social-housing-charter-2022/"),
            everyone(OK, anonymous=OK)),
        # A framework none of whose measures the regulator publishes stays for signed-in people.
        Row("comparisons:how-we-compare",
            lambda role: _switched(True, f"{B}/frameworks/consumer-standards-2024/"), everyone(OK)),
        Row("comparisons:peers", f"{B}/peers/", admins_only()),
        Row("comparisons:peers", f"{B}/peers/", admins_only(REDIRECT), method="post", data={"codes": ""}),
    ]

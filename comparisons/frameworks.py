"""Which of the regulator's measures each framework's indicators are, framework by framework.

FRAMEWORK_MEASURES maps a framework's code to its indicators' codes, each to the regulator's
(measure, tenure). Where the regulator splits a measure in two, the framework's one figure is
compared with the first part (non-emergency repairs, anti-social behaviour cases, stage one
complaints); satisfaction and complaints are compared for rented homes, the largest group of
tenants. The Scottish Charter's indicators are the Annual Return on the Charter's (comparisons/
charter.py), all of them kept for rented homes.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from comparisons.measures import ALL_HOMES, MEASURES, PERCEPTION
from comparisons.models import Regulator, Tenure
from scrutiny.models import SiteSettings

TSM_FRAMEWORK = "tenant-satisfaction-measures"
CHARTER_FRAMEWORK = "scottish-social-housing-charter-2022"
# The seeded Charter framework's indicators, by their number in the Annual Return on the Charter.
CHARTER_INDICATORS = ("7", "11", "12", "13", "16", "23")

FRAMEWORK_MEASURES: dict[str, dict[str, tuple[str, str]]] = {
    TSM_FRAMEWORK: {
        **{code: (code, Tenure.LCRA) for code in PERCEPTION},
        **{code: (code, Tenure.COMBINED) for code in ALL_HOMES if code in MEASURES and "_" not in code},
        "RP02": ("RP02_1", Tenure.COMBINED),
        "NM01": ("NM01_1", Tenure.COMBINED),
        "CH01": ("CH01_1", Tenure.LCRA),
        "CH02": ("CH02_1", Tenure.LCRA),
    },
    CHARTER_FRAMEWORK: {code: (f"ARC{int(code):02d}", Tenure.LCRA) for code in CHARTER_INDICATORS},
}


# Whose figures each framework's measures are: which of the site settings' codes is ours in them,
# and whose licence to credit where they appear.
FRAMEWORK_REGULATOR = {TSM_FRAMEWORK: Regulator.RSH, CHARTER_FRAMEWORK: Regulator.SHR}
REGULATOR_NAMES = {Regulator.RSH: gettext_lazy("Regulator of Social Housing"),
                   Regulator.SHR: gettext_lazy("Scottish Housing Regulator")}


def regulator_of_framework(framework_code: str) -> str:
    return FRAMEWORK_REGULATOR.get(framework_code, Regulator.RSH)


def our_code(framework_code: str, site: SiteSettings) -> str:
    """Our landlord's code in the figures this framework is compared with (from the site settings)."""
    return site.shr_code if regulator_of_framework(framework_code) == Regulator.SHR else site.regulator_code


def credit(regulator: str) -> str:
    """The Open Government Licence credit for a regulator's figures."""
    return _("Contains public sector information licensed under the Open Government Licence v3.0 "
             "(%(regulator)s)") % {"regulator": REGULATOR_NAMES[regulator]}


def attribution(framework_code: str) -> str:
    """The credit for the regulator whose figures this framework uses."""
    return credit(regulator_of_framework(framework_code))


def credit_for_measure(measure_code: str) -> str:
    """The credit for the regulator that publishes a measure (the Charter's are "ARC..." codes)."""
    return credit(Regulator.SHR if measure_code.startswith("ARC") else Regulator.RSH)


def measure_of(framework_code: str, indicator_code: str) -> tuple[str, str] | None:
    """The regulator's (measure, tenure) for a framework's indicator, or None if it has none."""
    return FRAMEWORK_MEASURES.get(framework_code, {}).get(indicator_code)

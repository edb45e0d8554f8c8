"""The regulator's Tenant Satisfaction Measures: their codes, names, units and which way is better.

A measure with parts (`RP02 (1)` and `RP02 (2)` in the workbook) is stored as `RP02_1` and
`RP02_2`, the Data Dictionary's own spelling. The Scottish Housing Regulator's Charter indicators
(comparisons/charter.py) are added at the end, as "ARC01" to "ARC33".
"""

from dataclasses import dataclass

from django.utils.translation import gettext, gettext_noop

from comparisons import charter


@dataclass(frozen=True)
class Measure:
    code: str
    english: str  # the regulator's name for it; `name` is in the page's language (the catalogue's)
    unit: str  # "%" or "per 1,000 homes"; for the Charter also "hours", "days" or "number"
    higher_is_better: bool = True
    survey: bool = False  # a figure from asking tenants, not from the landlord's records
    part: str = ""  # one part of a Charter indicator: the part's name ("stage one complaints")

    @property
    def name(self) -> str:
        if self.part:  # "Complaints answered ...: stage one complaints", each half in the page's language
            return f"{gettext(self.english)}: {gettext(self.part).lower()}"
        return gettext(self.english) if self.english else self.english


def _satisfaction(code: str, name: str) -> Measure:
    return Measure(code, name, "%", survey=True)


MEASURES: dict[str, Measure] = {m.code: m for m in [
    _satisfaction("TP01", gettext_noop("Overall satisfaction")),
    _satisfaction("TP02", gettext_noop("Satisfaction with repairs")),
    _satisfaction("TP03", gettext_noop("Satisfaction with time taken to complete the most recent repair")),
    _satisfaction("TP04", gettext_noop("Satisfaction that the home is well maintained")),
    _satisfaction("TP05", gettext_noop("Satisfaction that the home is safe")),
    _satisfaction("TP06",
        gettext_noop("Satisfaction that the landlord listens to tenants' views and acts on them")),
    _satisfaction("TP07",
        gettext_noop("Satisfaction that the landlord keeps tenants informed about things that matter")),
    _satisfaction("TP08", gettext_noop("Agreement that the landlord treats tenants fairly and with respect")),
    _satisfaction("TP09", gettext_noop("Satisfaction with the landlord's approach to complaints")),
    _satisfaction("TP10",
        gettext_noop("Satisfaction that communal areas are kept clean and well maintained")),
    _satisfaction("TP11",
        gettext_noop("Satisfaction that the landlord makes a positive contribution to the area")),
    _satisfaction("TP12", gettext_noop("Satisfaction with the landlord's approach to anti-social behaviour")),
    Measure("BS01", gettext_noop("Homes with all required gas safety checks done"), "%"),
    Measure("BS02", gettext_noop("Homes with all required fire risk assessments done"), "%"),
    Measure("BS03", gettext_noop("Homes with all required asbestos surveys or re-inspections done"), "%"),
    Measure("BS04", gettext_noop("Homes with all required legionella risk assessments done"), "%"),
    Measure("BS05", gettext_noop("Homes with all required communal lift safety checks done"), "%"),
    Measure("RP01",
        gettext_noop("Homes that do not meet the Decent Homes Standard"), "%", higher_is_better=False),
    Measure("RP02_1", gettext_noop("Non-emergency repairs done within the landlord's target time"), "%"),
    Measure("RP02_2", gettext_noop("Emergency repairs done within the landlord's target time"), "%"),
    Measure("NM01_1", gettext_noop("Anti-social behaviour cases opened per 1,000 homes"), "per 1,000 homes",
            higher_is_better=False),
    Measure("NM01_2", gettext_noop("Anti-social behaviour cases involving hate incidents per 1,000 homes"),
            "per 1,000 homes", higher_is_better=False),
    Measure("CH01_1",
        gettext_noop("Stage one complaints per 1,000 homes"), "per 1,000 homes", higher_is_better=False),
    Measure("CH01_2",
        gettext_noop("Stage two complaints per 1,000 homes"), "per 1,000 homes", higher_is_better=False),
    Measure("CH02_1", gettext_noop("Stage one complaints answered within the Ombudsman's time"), "%"),
    Measure("CH02_2", gettext_noop("Stage two complaints answered within the Ombudsman's time"), "%"),
    *[Measure(row.code, row.name, row.unit, row.higher_is_better, row.survey, row.part)
      for row in charter.measure_rows()],
]}

PERCEPTION = [f"TP{n:02d}" for n in range(1, 13)]
# Shared owners are asked only these (TP02 to TP04 are about repairs, which they do themselves).
PERCEPTION_LCHO = ["TP01", *[f"TP{n:02d}" for n in range(5, 13)]]
# Safety, repairs and anti-social behaviour are reported once for all homes the landlord owns.
ALL_HOMES = ["BS01", "BS02", "BS03", "BS04", "BS05", "RP01", "RP02_1", "RP02_2", "NM01_1", "NM01_2"]
# Complaints are reported for rented homes, for shared ownership and combined.
COMPLAINTS = ["CH01_1", "CH02_1", "CH01_2", "CH02_2"]

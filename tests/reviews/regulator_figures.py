"""Hand-built regulator's figures for "where to look next": ten landlords and ours, two years.

Ours is OURS. Each measure is set up to say one thing (values are this year / last year):
- TP01: ours 50; the others 40, 60 to 67. Ours beats 1 of 9 others: in the bottom quarter,
  worse than 8 in 10 landlords.
- TP02: ours 70 (top), down 4 on last year's 74, while the sector's median went up 1 (63.5 to 64.5).
- TP03: ours 70 (top), up 2 while the sector stood still. Fine: not listed.
- TP04: ours 64 (the middle), down 1 while the sector went down 2. Fine: not listed.
"""

from decimal import Decimal

from comparisons.models import Figure, Landlord, TsmImport
from scrutiny.models import SiteSettings

YEAR = 2024
OURS = "OURS"
# measure -> (ours this year, ours last year, the others this year, the others last year)
SET_UP = {
    "TP01": (50, 50, [40, *range(60, 68)], [40, *range(60, 68)]),
    "TP02": (70, 74, list(range(60, 69)), list(range(59, 68))),
    "TP03": (70, 68, list(range(60, 69)), list(range(60, 69))),
    "TP04": (64, 65, list(range(60, 69)), list(range(62, 71))),
}


def build(*, code=OURS, set_up=None):
    """The landlords and their figures; the site settings say which one is ours."""
    set_up = SET_UP if set_up is None else set_up
    tsm_import = TsmImport.objects.create(file_name="tsm.xlsx", sha256="0" * 64, status="applied")
    ours = Landlord.objects.create(code=OURS, name="Our Homes", landlord_type="PRP", described_in_year=YEAR)
    others = [Landlord.objects.create(code=f"L{n:03d}", name=f"Landlord {n}", landlord_type="PRP",
                                      described_in_year=YEAR) for n in range(9)]
    rows = []
    for measure, (now, before, others_now, others_before) in set_up.items():
        for year, value, theirs in ((YEAR, now, others_now), (YEAR - 1, before, others_before)):
            rows.append(Figure(landlord=ours, measure=measure, tenure="lcra", year=year,
                               value=Decimal(value), tsm_import=tsm_import))
            rows += [Figure(landlord=other, measure=measure, tenure="lcra", year=year, value=Decimal(v),
                            tsm_import=tsm_import) for other, v in zip(others, theirs, strict=True)]
    Figure.objects.bulk_create(rows)
    site = SiteSettings.load()
    site.country = "england"
    site.regulator_code = code
    site.save()
    return tsm_import


def add_year(tsm_import, *, measure, year, ours, others):
    """Another year's figures for one measure: ours and the others' (rented homes)."""
    landlords = list(Landlord.objects.order_by("code"))  # L000 ... L008, then OURS
    values = [*others, ours]
    Figure.objects.bulk_create([
        Figure(landlord=landlord, measure=measure, tenure="lcra", year=year, value=Decimal(value),
               tsm_import=tsm_import) for landlord, value in zip(landlords, values, strict=True)])

"""Our landlord's own row in the regulator's figures, beside the figures already entered, and
filling ours from it row by row as the administrator chooses.

Each row is one framework indicator (through FRAMEWORK_MEASURES) and year. A row is "new" when
nothing is entered (filled by default), "differs" when ours is another number (kept by default)
or "same". The page carries every row's version (0 when nothing was entered); saving refuses,
naming them, the rows someone changed after the page was opened, and saves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from assessments.models import Indicator, IndicatorValue
from comparisons.frameworks import FRAMEWORK_MEASURES
from comparisons.models import Figure, Landlord, Tenure, reporting_year_label
from comparisons.permissions import can_import
from comparisons.selectors import our_landlord
from scrutiny.models import SiteSettings
from scrutiny.permissions import require

if TYPE_CHECKING:
    from accounts.models import User

REFUSAL = "Only an administrator can fill the landlord's figures from the regulator's."
YEARS_SHOWN = 10  # the latest years of the regulator's figures for our landlord
CENT = Decimal("0.01")  # figures are entered to two decimal places
NEW, DIFFERS, SAME = "new", "differs", "same"
USE, KEEP = "use", "keep"


@dataclass(frozen=True)
class OwnRow:
    indicator: Indicator
    year: int
    regulator: Decimal
    ours: IndicatorValue | None

    @property
    def key(self) -> str:
        return f"{self.indicator.pk}-{self.year}"

    @property
    def year_label(self) -> str:
        return reporting_year_label(self.year)

    @property
    def name(self) -> str:
        return f"{self.indicator.code} {self.year_label}"

    @property
    def state(self) -> str:
        if self.ours is None:
            return NEW
        return SAME if self.ours.value == self.regulator else DIFFERS

    @property
    def version(self) -> int:
        return self.ours.version if self.ours else 0

    @property
    def default(self) -> str:
        return USE if self.state == NEW else KEEP


@dataclass(frozen=True)
class OwnFigures:
    code: str  # the regulator's code in the site settings, "" if none
    landlord: Landlord | None
    rows: list[OwnRow]

    @property
    def to_choose(self) -> list[OwnRow]:
        return [row for row in self.rows if row.state != SAME]


class Clash(ValidationError):
    """Someone entered or changed figures after the page was opened: nothing was saved."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__(messages, code="conflict")


def _tenure(tenure: str, site: SiteSettings) -> str:
    """Rented homes' figures, unless the landlord has shared ownership homes only."""
    if tenure == Tenure.LCRA and not site.rents_homes and site.has_shared_ownership:
        return Tenure.LCHO
    return tenure


def _published(landlord: Landlord) -> dict[tuple[str, str, int], Decimal]:
    figures = Figure.objects.filter(landlord=landlord, value__isnull=False)
    years = sorted(set(figures.values_list("year", flat=True)), reverse=True)[:YEARS_SHOWN]
    return {(measure, tenure, year): value for measure, tenure, year, value in
            figures.filter(year__in=years).values_list("measure", "tenure", "year", "value")}


def _rows(landlord: Landlord, *, lock: bool = False) -> list[OwnRow]:
    site, published = SiteSettings.load(), _published(landlord)
    years = sorted({year for _code, _tenure, year in published}, reverse=True)
    indicators = Indicator.objects.filter(
        framework__code__in=FRAMEWORK_MEASURES).select_related("framework").order_by(
        "framework__name", "position", "pk")
    values = IndicatorValue.objects.filter(indicator__in=indicators, year__in=years).select_related(
        "updated_by")
    ours = {(v.indicator_id, v.year): v for v in (values.select_for_update(of=("self",)) if lock else values)}
    rows = []
    for year in years:
        for indicator in indicators:
            measure, tenure = FRAMEWORK_MEASURES[indicator.framework.code].get(indicator.code, ("", ""))
            value = published.get((measure, _tenure(tenure, site), year))
            if value is not None:
                rows.append(OwnRow(indicator, year, value.quantize(CENT), ours.get((indicator.pk, year))))
    return rows


def own_figures(*, by: User) -> OwnFigures:
    """Our landlord's row in the regulator's figures beside ours, newest year first."""
    require(can_import(by), REFUSAL)
    code, landlord = our_landlord()
    return OwnFigures(code=code, landlord=landlord, rows=_rows(landlord) if landlord else [])


def _clash(row: OwnRow, opened: int | None) -> str:
    if opened is None:
        return f"{row.name} was not on the page you opened: look at it, then save again."
    if row.ours is None:
        return f"Someone removed our figure for {row.name} after you opened this page."
    who = str(row.ours.updated_by) if row.ours.updated_by else "Someone"
    if opened == 0:
        return f"{who} entered {row.name} as {row.ours.value} after you opened this page."
    return f"{who} changed {row.name} to {row.ours.value} after you opened this page."


def _use(row: OwnRow, by: User) -> None:
    if row.ours is None:
        try:
            with transaction.atomic():
                IndicatorValue.objects.create(indicator=row.indicator, year=row.year, value=row.regulator,
                                              updated_by=by)
        except IntegrityError:  # entered by someone else a moment ago
            raise Clash([f"Someone entered {row.name} while you were saving."]) from None
        return
    ours = row.ours
    ours.value, ours.version, ours.updated_by = row.regulator, ours.version + 1, by
    ours.save(update_fields=["value", "version", "updated_by", "updated_at"])


@dataclass(frozen=True)
class Filled:
    filled: list[str]
    changed: list[str]


@transaction.atomic
def fill_own_figures(*, by: User, choices: dict[str, str], versions: dict[str, int]) -> Filled:
    """Fill new figures and replace differing ones where the administrator chose the regulator's,
    all or none; refuse, naming them, rows changed since `versions` were read."""
    require(can_import(by), REFUSAL)
    _code, landlord = our_landlord()
    if landlord is None:
        raise ValidationError(
            _("The site settings do not say which landlord this is in the regulator's figures."))
    rows = _rows(landlord, lock=True)
    clashes = [_clash(row, versions.get(row.key)) for row in rows if versions.get(row.key) != row.version]
    if clashes:
        raise Clash(clashes)
    filled, changed = [], []
    for row in rows:
        if row.state == SAME or choices.get(row.key, row.default) != USE:
            continue
        (filled if row.ours is None else changed).append(row.name)
        _use(row, by)
    return Filled(filled=filled, changed=changed)

"""The one place the Annual Report to Tenants reads a figure to compare the landlord with.

For a framework's measure the regulator publishes (FRAMEWORK_MEASURES: the Tenant Satisfaction
Measures in England, the Charter's in Scotland), in a year its published figures cover, and with
the site settings saying which landlord this is, that is the national median and where the landlord
stands among every landlord (comparisons.selectors). Otherwise it is the "peer or national
average" entered beside each figure on the figures page, labelled as exactly that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assessments.models import Indicator
from comparisons import words
from comparisons.frameworks import FRAMEWORK_MEASURES, attribution, our_code
from comparisons.measures import MEASURES
from comparisons.models import PeerChoice
from comparisons.selectors import (
    Position,
    Row,
    SurveyRow,
    figures_for,
    households,
    nearest_peers,
    peers_of,
    position_in,
    spread_of,
    surveys,
)
from scrutiny.models import SiteSettings
from scrutiny.wording import with_unit

LABEL = gettext_lazy("Peer or national average")
SOURCE = gettext_lazy("The peer or national average is the one the landlord entered with its own figure.")


@dataclass(frozen=True)
class Standing:
    label: str  # what the figure compared with is
    figure: str  # that figure, with its unit
    position: str  # where the landlord stands, in plain words
    licensed: str = ""  # from a regulator's data: the credit its licence asks for
    framework: str = ""  # the framework's code, for its "How we compare" page
    peers: str = ""  # similar landlords' median and where the landlord stands among them
    nearest: tuple[str, ...] = ()  # the names of the landlords most like this one, nearest first


@dataclass(frozen=True)
class National:
    """Every landlord's published figures for the report's indicators, and which one is ours."""

    code: str
    framework: str
    measures: dict[str, tuple[str, str]]  # the framework's indicator codes -> (measure, tenure)
    rows: dict[tuple[str, str], list[Row]]
    surveys: list[SurveyRow]
    peer_codes: list[str] | None  # chosen by name; None for those like us

    def _rows(self, indicator: Indicator) -> list[Row]:
        key = self.measures.get(indicator.code)
        return self.rows.get(key, []) if key else []

    def own(self, indicator: Indicator) -> Decimal | None:
        """The landlord's own figure in the regulator's data, if it has one."""
        return next((r.value for r in self._rows(indicator) if r.code == self.code), None)


def national_figures(*, year: int, framework: str, indicators: Iterable[Indicator]) -> National | None:
    """The regulator's figures for a framework's measures in a year, the surveys and the peers
    chosen by name (three queries), or None when the framework has none of the regulator's
    measures or the site settings do not say which landlord this is."""
    measures = FRAMEWORK_MEASURES.get(framework, {})
    code = our_code(framework, SiteSettings.load())
    keys = {measures[i.code] for i in indicators if i.code in measures}
    if not code or not keys:
        return None
    return National(code=code, framework=framework, measures=measures,
                    rows=figures_for(year=year, keys=keys), surveys=surveys(year=year),
                    peer_codes=PeerChoice.codes() or None)


def _in_words(position: Position | None) -> str:
    """Where we stand among every landlord, and in which quarter (comparisons.words)."""
    if position is None:
        return _("No figure of ours to compare")
    in_quarter = "; " + words.in_quarter(position.quarter) if position.quarter else ""
    return words.standing(position) + in_quarter


def _national_standing(indicator: Indicator, value: Decimal | None, national: National) -> Standing | None:
    rows = national._rows(indicator)
    spread = spread_of(rows)
    if spread.median is None:
        return None  # the regulator's figures do not cover this measure that year
    measure, tenure = national.measures[indicator.code]
    own = next((r for r in rows if r.code == national.code), None)
    if value is None and own is not None:
        value = own.value
    position = position_in(value, rows, spread, MEASURES[measure], own.landlord_id if own else None)
    return Standing(label=_("National median (%(homes)s)") % {"homes": words.TENURE_WORDS[tenure]},
                    figure=with_unit(spread.median.normalize(), indicator.unit),
                    position=_in_words(position), licensed=attribution(national.framework),
                    framework=national.framework,
                    **_peers(own, value, rows, national, (measure, tenure)))


def _peers(own: Row | None, value: Decimal | None, rows: list[Row], national: National,
           key: tuple[str, str]) -> dict:
    """Similar landlords' median and where we stand among them, and the landlords most like us."""
    if own is None:
        return {}
    peers = peers_of(landlord_id=own.landlord_id, like=own, rows=rows, peer_codes=national.peer_codes)
    spread = spread_of(peers)
    if spread.median is None:
        return {}
    measure, tenure = key
    definition = MEASURES[measure]
    position = position_in(value, peers, spread, definition, own.landlord_id)
    where = words.standing(position, "similar landlords")
    nearest = nearest_peers(own, rows, households(national.surveys, tenure))
    said = {"figure": words.figure(spread.median, definition.unit), "where": f"{where[0].lower()}{where[1:]}"}
    return {"peers": _("Similar landlords' median %(figure)s: %(where)s") % said,
            "nearest": tuple(r.name for r in nearest)}


def standing(*, indicator: Indicator, value: Decimal | None, average: Decimal | None,
             national: National | None = None) -> Standing | None:
    """The figure to compare this year's with, and where the landlord stands; None if there is none."""
    if national is not None and indicator.code in national.measures:
        found = _national_standing(indicator, value, national)
        if found is not None:
            return found
    if average is None:
        return None
    figure = with_unit(average, indicator.unit)
    if value is None:
        return Standing(label=str(LABEL), figure=figure, position=_("No figure of ours to compare"))
    if value == average:
        return Standing(label=str(LABEL), figure=figure, position=_("The same as the average"))
    better = (value > average) == indicator.higher_is_better
    return Standing(label=str(LABEL), figure=figure,
                    position=_("Better than the average") if better else _("Worse than the average"))


def peers_note(measures: Iterable) -> dict:
    """The landlords most like us (from the first measure that has them), whether similar landlords
    were chosen by name, and the "How we compare" page, for the report's comparison section."""
    first = next((m.compared for m in measures if m.compared and m.compared.nearest), None)
    if first is None:
        return {}
    return {"nearest": first.nearest, "peers_chosen": bool(PeerChoice.codes()),
            "compare_url": reverse("comparisons:how-we-compare", args=[first.framework])}

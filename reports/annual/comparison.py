"""The one place the Annual Report to Tenants reads a figure to compare the landlord with.

Today that is the "peer or national average" entered beside each figure on the figures page,
labelled as exactly that; when the regulator's own data is imported (national median, quartiles,
percentile), this function is the one to replace, and every page and PDF follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assessments.models import Indicator
from scrutiny.wording import with_unit

LABEL = "Peer or national average"
SOURCE = "The peer or national average is the one the landlord entered with its own figure."


@dataclass(frozen=True)
class Standing:
    label: str  # what the figure compared with is
    figure: str  # that figure, with its unit
    position: str  # where the landlord stands, in plain words


def standing(*, indicator: Indicator, value: Decimal | None, average: Decimal | None) -> Standing | None:
    """The figure to compare this year's with, and where the landlord stands; None if there is none."""
    if average is None:
        return None
    figure = with_unit(average, indicator.unit)
    if value is None:
        return Standing(label=LABEL, figure=figure, position="No figure of ours to compare")
    if value == average:
        return Standing(label=LABEL, figure=figure, position="The same as the average")
    better = (value > average) == indicator.higher_is_better
    return Standing(label=LABEL, figure=figure,
                    position="Better than the average" if better else "Worse than the average")

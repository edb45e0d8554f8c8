from assessments.models.assessment import (
    Assessor,
    Perspective,
    Score,
    SelfAssessment,
    default_scale,
)
from assessments.models.frameworks import Framework, Indicator, IndicatorValue, Outcome, Standard
from assessments.models.todo import ActionStatus, ImprovementAction

__all__ = [
    "ActionStatus",
    "Assessor",
    "Framework",
    "ImprovementAction",
    "Indicator",
    "IndicatorValue",
    "Outcome",
    "Perspective",
    "Score",
    "SelfAssessment",
    "Standard",
    "default_scale",
]

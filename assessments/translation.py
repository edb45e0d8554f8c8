"""What the landlord or panel loads for self-assessment, with a Welsh version beside the
English (django-modeltranslation; scrutiny/translated.py): framework names and descriptions,
their standards' (groups' and themes') titles, outcome titles, descriptions and guidance, and the
titles of the yearly figures. Codes (TP01, 1.1) stay as published."""

from modeltranslation.translator import TranslationOptions, register

from assessments.models import Framework, Indicator, Outcome, Standard


@register(Framework)
class FrameworkTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Standard)
class StandardTranslation(TranslationOptions):
    fields = ("title",)


@register(Outcome)
class OutcomeTranslation(TranslationOptions):
    fields = ("title", "description", "guidance")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("title",)

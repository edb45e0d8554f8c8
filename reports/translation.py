"""What the panel writes for the Annual Report to Tenants, in Welsh beside English
(django-modeltranslation, scrutiny/translated.py): each section's words have a `text_en_gb` and a
`text_cy`; a Welsh page shows the English, marked so, where the Welsh is empty."""

from modeltranslation.translator import TranslationOptions, register

from reports.models import AssessmentSection


@register(AssessmentSection)
class AssessmentSectionTranslation(TranslationOptions):
    fields = ("text",)

"""What the landlord writes about its panels for tenants, in Welsh beside English
(django-modeltranslation adds `<field>_en_gb` and `<field>_cy`; see scrutiny/translated.py).
Meeting titles, agendas, minutes and training records are written by the people who run and
sit on panels, and are shown as written."""

from modeltranslation.translator import TranslationOptions, register

from panels.models import Panel


@register(Panel)
class PanelTranslation(TranslationOptions):
    fields = ("name", "purpose", "terms_of_reference")

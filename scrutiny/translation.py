"""What the landlord writes in the site settings, in Welsh beside English (django-modeltranslation;
scrutiny/translated.py says how it is read and shown)."""

from modeltranslation.translator import TranslationOptions, register

from scrutiny.models import SiteSettings


@register(SiteSettings)
class SiteSettingsTranslation(TranslationOptions):
    fields = ("landlord_name", "logo_alt_text", "tenant_word", "contact_text")

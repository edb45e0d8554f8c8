from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = _("How we compare")

    def ready(self) -> None:
        """What this app adds to other apps' pages (scrutiny/extensions.py)."""
        from scrutiny import extensions as ext

        ext.register(ext.ADMINISTRATION_PAGES, (
            _("The regulator's figures"), "comparisons:imports",
            _("Import the Tenant Satisfaction Measures every landlord publishes, to compare with them."),
        ))
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Landlords to compare with"), "comparisons:peers",
            _("Choose by name the landlords \"How we compare\" sets us beside, instead of those like us."),
        ))
        ext.register(ext.FRAMEWORK_PAGE_LINKS, "comparisons.framework_page.links")
        ext.register(ext.SITE_SETTINGS_CHECKS, "comparisons.site_settings.check")

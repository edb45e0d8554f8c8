from django.apps import AppConfig


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = "How we compare"

    def ready(self) -> None:
        """What this app adds to other apps' pages (scrutiny/extensions.py)."""
        from scrutiny import extensions as ext

        ext.register(ext.ADMINISTRATION_PAGES, (
            "The regulator's figures", "comparisons:imports",
            "Import the Tenant Satisfaction Measures every landlord publishes, to compare with them.",
        ))
        ext.register(ext.ADMINISTRATION_PAGES, (
            "Landlords to compare with", "comparisons:peers",
            "Choose by name the landlords \"How we compare\" sets us beside, instead of those like us.",
        ))
        ext.register(ext.FRAMEWORK_PAGE_LINKS, "comparisons.framework_page.links")
        ext.register(ext.SITE_SETTINGS_CHECKS, "comparisons.site_settings.check")

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

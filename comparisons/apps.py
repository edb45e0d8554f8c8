from typing import cast

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComparisonsConfig(AppConfig):
    name = "comparisons"
    verbose_name = _("How we compare")

    def ready(self) -> None:
        """This app's site switch, and what it adds to other apps' pages (scrutiny/extensions.py)."""
        from comparisons import public
        from scrutiny import extensions as ext
        from scrutiny import public_cache, switches

        public.connect()
        public_cache.register("comparisons:how-we-compare", public.version)
        switches.register(
            key=public.PUBLIC_HOW_WE_COMPARE,
            # Lazy: the site settings page shows them in its own language.
            label=cast(str, _("Show \"How we compare\" to everyone")),
            help_text=cast(str, _("When ticked, people who are not signed in can see our figures beside "
                                  "other landlords', for each framework the regulator publishes "
                                  "figures for.")),
        )
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
        ext.register(ext.PUBLIC_PAGES, "comparisons.public.tsm_page", order=1)  # after the panel's own pages
        ext.register(ext.PUBLIC_PAGES, "comparisons.public.charter_page", order=1)
        ext.register(ext.DEMO_SEEDS, "comparisons.demo.seed", order=2)

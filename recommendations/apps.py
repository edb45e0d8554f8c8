from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecommendationsConfig(AppConfig):
    name = "recommendations"
    verbose_name = _("Recommendations")

    def ready(self) -> None:
        """What this app adds to other apps' pages and commands (scrutiny/extensions.py)."""
        from recommendations import (
            public,
            signals,  # noqa: F401 - connects the receivers
        )
        from scrutiny import extensions as ext
        from scrutiny import public_cache

        public.connect()
        public_cache.register("recommendations:you-said-we-did", public.version)
        ext.register(ext.HOME_SECTIONS, "recommendations.home.section")
        ext.register(ext.MENU_LINKS, {
            "label": _("Recommendations"), "url_name": "recommendations:tracker", "app": "recommendations",
        }, order=4)
        ext.register(ext.FOOTER_LINKS, "recommendations.public.footer_link")
        ext.register(ext.REVIEW_PAGE_LINKS, "recommendations.review_page.links")
        ext.register(ext.ASSESSMENT_OUTCOME_LINKS, "recommendations.assessment_links.for_outcomes")
        ext.register(ext.ASSESSMENT_RESULT_LINKS, "recommendations.assessment_links.from_results")
        ext.register(ext.PUBLIC_PAGES, "recommendations.public.page")
        ext.register(ext.PERSONAL_DATA_SECTIONS, "recommendations.personal_data.collect")
        ext.register(ext.AUDITED_DOWNLOADS, ("recommendations:export-csv", "export"))
        ext.register(ext.AUDITED_DOWNLOADS, ("recommendations:export-xlsx", "export"))
        # After the self-assessments' seed steps (order=1), as they have always run.
        ext.register(ext.DEMO_SEEDS, "recommendations.demo.seed", order=1)
        ext.register(ext.SCALE_SEEDS, "recommendations.scale.seed", order=1)

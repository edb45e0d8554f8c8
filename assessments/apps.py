from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Frameworks and self-assessment")

    def ready(self) -> None:
        """What this app adds to other apps' pages and commands (scrutiny/extensions.py)."""
        from assessments.kept_results import connect_signals
        from scrutiny import extensions as ext

        connect_signals()

        ext.register(ext.HOME_SECTIONS, "assessments.home.section")
        ext.register(ext.MENU_LINKS, {
            "label": _("Self-assessments"), "url_name": "assessments:list", "app": "assessments",
        }, order=3)
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Frameworks"), "assessments:frameworks",
            _("The frameworks panels assess the landlord against; import the landlord's own."),
        ))
        ext.register(ext.PERSONAL_DATA_SECTIONS, "assessments.personal_data.collect")
        # order=1 keeps the seed steps in the order they have always run: the demo's
        # self-assessment after the reviews' and visits', the scale landlord's after its reviews'.
        ext.register(ext.DEMO_SEEDS, "assessments.demo.seed", order=1)
        ext.register(ext.SCALE_SEEDS, "assessments.scale.seed", order=1)

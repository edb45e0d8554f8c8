from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PanelsConfig(AppConfig):
    name = "panels"
    verbose_name = _("Panels and people")

    def ready(self) -> None:
        """Connects this app's receivers, and says what it adds to other apps' pages and commands
        (scrutiny/extensions.py)."""
        from panels import signals  # noqa: F401 - connects the receivers
        from scrutiny import extensions as ext

        ext.register(ext.HOME_SECTIONS, "panels.home.section")
        ext.register(
            ext.MENU_LINKS, {"label": _("Panels"), "url_name": "panels:list", "app": "panels"}, order=1
        )
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Panels"), "panels:list",
            _("Set up a panel or change its details, members and terms of reference."),
        ))
        ext.register(ext.PERSONAL_DATA_SECTIONS, "panels.personal_data.collect")
        ext.register(ext.DEMO_SEEDS, "panels.demo.seed")
        ext.register(ext.SCALE_SEEDS, "panels.scale.seed")

from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "panels"
    verbose_name = "Panels and people"

    def ready(self) -> None:
        """Connects this app's receivers, and says what it adds to other apps' pages and commands
        (scrutiny/extensions.py)."""
        from panels import signals  # noqa: F401 - connects the receivers
        from scrutiny import extensions as ext

        ext.register(ext.HOME_SECTIONS, "panels.home.section")
        ext.register(ext.MENU_LINKS, {"label": "Panels", "url_name": "panels:list", "app": "panels"}, order=1)
        ext.register(ext.ADMINISTRATION_PAGES, (
            "Panels", "panels:list", "Set up a panel or change its details, members and terms of reference.",
        ))
        ext.register(ext.PERSONAL_DATA_SECTIONS, "panels.personal_data.collect")
        ext.register(ext.DEMO_SEEDS, "panels.demo.seed")
        ext.register(ext.SCALE_SEEDS, "panels.scale.seed")

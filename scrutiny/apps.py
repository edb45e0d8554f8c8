from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ScrutinyConfig(AppConfig):
    name = "scrutiny"
    verbose_name = _("Site")

    def ready(self) -> None:
        from scrutiny import (
            audit,  # noqa: F401 - connects the audit trail's signal receivers
            choice_labels,
            extensions,
            freshness,
            quick_translations,
            user_sessions,  # noqa: F401 - notes each sign-in and sign-out
        )

        # Pages ask for hundreds of translations and choice labels: each found in one step.
        quick_translations.install()
        choice_labels.install()

        # Migrations may change any data in bulk: whatever was kept before them is out of date.
        post_migrate.connect(
            freshness.renew_everything, sender=self, dispatch_uid="scrutiny-renew-after-migrate"
        )

        extensions.register(extensions.ADMINISTRATION_PAGES, (
            _("Site settings"), "site-settings",
            _("The landlord's name, logo, colours and contact details, and what the public can see."),
        ))
        # The site's own records come last on the Administration page, after every app's pages.
        extensions.register(extensions.ADMINISTRATION_PAGES, (
            _("Audit trail"), "audit",
            _("Who signed in, changed a role, exported data or downloaded personal data."),
        ), order=1)
        extensions.register(extensions.ADMINISTRATION_PAGES, (
            _("Failed background jobs"), "failed-jobs",
            _("Emails and reports that could not be sent or made, and trying them again."),
        ), order=1)
        extensions.register(extensions.ADMINISTRATION_PAGES, (
            _("System health"), "system-health",
            _("Whether the database, the task queue, the background workers and the scheduler are running."),
        ), order=1)

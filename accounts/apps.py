from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _forget_person(sender: Any, instance: Any, **kwargs: Any) -> None:
    from accounts.backends import forget

    forget(instance.pk)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("People and sign-in")

    def ready(self) -> None:
        """What this app adds to other apps' pages and commands (scrutiny/extensions.py)."""
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_delete, post_save

        from accounts import services
        from accounts.models import User
        from accounts.second_factor import services as second_factor
        from scrutiny import extensions as ext

        post_save.connect(services.password_changed, sender=User, dispatch_uid="accounts-password-changed")
        # The signed-in person kept in the cache is read afresh after any change (accounts/backends.py).
        post_save.connect(_forget_person, sender=User, dispatch_uid="accounts-forget-kept-person")
        post_delete.connect(_forget_person, sender=User, dispatch_uid="accounts-forget-kept-person")
        user_logged_in.connect(second_factor.signed_in, dispatch_uid="accounts-signed-in")

        ext.register(ext.HOME_SECTIONS, "accounts.home.section")
        ext.register(ext.HOME_LINKS, "accounts.home.links")
        ext.register(ext.ACCOUNT_MENU, "accounts/_account_menu.html")
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("People and roles"), "accounts:people",
            _("Find someone, change their role, or switch their account off."),
        ))
        ext.register(ext.ADMINISTRATION_PAGES, (
            _("Invite people"), "accounts:invitations", _("Send someone a link to set up their account."),
        ))
        ext.register(ext.AUDITED_DOWNLOADS, ("accounts:personal-data", "personal_data"))
        ext.register(ext.PERSONAL_DATA_SECTIONS, "accounts.selectors.personal_data")
        ext.register(ext.PERSONAL_DATA_SECTIONS, "accounts.second_factor.services.personal_data")
        ext.register(ext.PERSONAL_DATA_ERASERS, "accounts.second_factor.services.erase")
        ext.register(ext.DEMO_SEEDS, "accounts.demo.seed")
        ext.register(ext.SCALE_SEEDS, "accounts.scale.seed")
        self._register_passkeys()

    @staticmethod
    def _register_passkeys() -> None:
        """Passkeys and security keys, one more kind of second factor (accounts/passkeys/)."""
        from accounts.passkeys.services import passkeys_of
        from accounts.second_factor import methods

        methods.register(methods.MethodKind(
            key="passkey", name=_("Passkey or security key"), devices=passkeys_of,
            step_template="accounts/second_factor/_step_passkey.html",
            offer_template="accounts/second_factor/_offer_passkey.html",
        ))
        # Recovery codes back up the other kinds, so they stay last on the step and methods pages.
        methods.register(next(kind for kind in methods.kinds() if kind.key == "recovery"))

"""Forms of the second factor. Codes may be typed with spaces or dashes, as apps show them."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.second_factor.services import plain_code
from scrutiny.forms import SingleLineCharField

CODE_ATTRS = {
    "autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "off",
    "spellcheck": "false", "class": "code-input",
}


class AuthenticatorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code from your authenticator app"), max_length=20,
        help_text=_("The 6 digits the app shows now, for example 123 456."),
        error_messages={"required": _("Type the 6 digits your authenticator app shows.")},
        widget=forms.TextInput(attrs=CODE_ATTRS),
    )

    def clean_code(self) -> str:
        code = plain_code(self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(_("A code is 6 digits, for example 123 456. Type only the digits."))
        return code


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Recovery code"), max_length=30,
        help_text=_("One of the ten codes you saved, for example abcd 2345. Each works once."),
        error_messages={"required": _("Type one of your recovery codes.")},
        widget=forms.TextInput(attrs={**CODE_ATTRS, "inputmode": "text", "autocomplete": "off"}),
    )

    def clean_code(self) -> str:
        code = plain_code(self.cleaned_data["code"])
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise forms.ValidationError(_("A recovery code is 8 letters and numbers, for example abcd 2345."))
        return code


class AddAuthenticatorForm(AuthenticatorCodeForm):
    name = SingleLineCharField(
        label=_("Name for this app"), max_length=60, initial=_("Authenticator app"),
        help_text=_("So you can tell your methods apart, for example My phone."),
        error_messages={"required": _("Give the app a name, for example My phone.")},
    )
    field_order = ["name", "code"]

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["code"].label = _("Code the app shows")

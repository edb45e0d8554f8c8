"""Forms of the second factor. Codes may be typed with spaces or dashes, as apps show them."""

import re

from django import forms

from accounts.second_factor.services import plain_code
from scrutiny.forms import SingleLineCharField

CODE_ATTRS = {
    "autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "off",
    "spellcheck": "false", "class": "code-input",
}


class AuthenticatorCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app", max_length=20,
        help_text="The 6 digits the app shows now, for example 123 456.",
        error_messages={"required": "Type the 6 digits your authenticator app shows."},
        widget=forms.TextInput(attrs=CODE_ATTRS),
    )

    def clean_code(self) -> str:
        code = plain_code(self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError("A code is 6 digits, for example 123 456. Type only the digits.")
        return code


class RecoveryCodeForm(forms.Form):
    code = forms.CharField(
        label="Recovery code", max_length=30,
        help_text="One of the ten codes you saved, for example abcd 2345. Each works once.",
        error_messages={"required": "Type one of your recovery codes."},
        widget=forms.TextInput(attrs={**CODE_ATTRS, "inputmode": "text", "autocomplete": "off"}),
    )

    def clean_code(self) -> str:
        code = plain_code(self.cleaned_data["code"])
        if not re.fullmatch(r"[a-z2-7]{8}", code):
            raise forms.ValidationError("A recovery code is 8 letters and numbers, for example abcd 2345.")
        return code


class AddAuthenticatorForm(AuthenticatorCodeForm):
    name = SingleLineCharField(
        label="Name for this app", max_length=60, initial="Authenticator app",
        help_text="So you can tell your methods apart, for example My phone.",
        error_messages={"required": "Give the app a name, for example My phone."},
    )
    field_order = ["name", "code"]

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.fields["code"].label = "Code the app shows"

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import models

from accounts.models import Role, User
from scrutiny.emails import render_plain_text, subject_line
from scrutiny.forms import SingleLineCharField
from scrutiny.jobs import enqueue
from scrutiny.locking import VersionedForm


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label="Password", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": "The email address or password is not right. Check them and try again.",
        "inactive": "This account has been switched off. Ask your administrator.",
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name", "email", "phone", "postal_address", "contact_preference",
            "large_text", "large_print_documents", "access_needs",
        ]
        field_classes = {"display_name": SingleLineCharField}
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "access_needs": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        taken = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists()
        if taken:
            raise forms.ValidationError("Someone else already uses this email address.")
        return email


class InvitationForm(forms.Form):
    display_name = SingleLineCharField(label="Name", max_length=150)
    email = forms.EmailField(label="Email address")
    role = forms.ChoiceField(
        choices=Role.choices, initial=Role.TENANT,
        help_text="Tenants take part in panels; officers and managers work for the landlord.",
    )


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label="Choose a password", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters. A few unrelated words make a strong password.",
    )
    password2 = forms.CharField(
        label="Type the password again", strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", "The two passwords are different. Type them again.")
        return data


def _on(value: str) -> bool:
    return value == "on"


ACCOUNT_STATES = [("on", "On: they can sign in"), ("off", "Off: they cannot sign in")]


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label="Name or email address", required=False, max_length=200)


class PersonForm(VersionedForm, forms.Form):
    """An administrator's change to someone's role or account; its version catches a change
    another administrator saved meanwhile (scrutiny/locking.py)."""

    role = forms.ChoiceField(label="Role", choices=Role.choices, widget=forms.RadioSelect)
    is_active = forms.TypedChoiceField(
        label="Account", choices=ACCOUNT_STATES, coerce=_on, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, person: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {
            "role": person.role, "is_active": "on" if person.is_active else "off",
        })
        super().__init__(*args, versioned=person, **kwargs)

    def saved_value(self, name: str, current: models.Model) -> str:
        if name == "is_active":
            return dict(ACCOUNT_STATES)["on" if current.is_active else "off"]
        return super().saved_value(name, current)


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's password reset, its email sent by a worker through the outbox (scrutiny/jobs.py),
    so a mail server that is down or never answers cannot fail or hold up the page."""

    def send_mail(self, subject_template_name: str, email_template_name: str, context: dict[str, Any],
                  from_email: str | None, to_email: str, html_email_template_name: str | None = None) -> None:

        subject = subject_line(render_plain_text(subject_template_name, context))
        body = render_plain_text(email_template_name, context)
        enqueue("accounts.tasks.send_password_reset", to_email, subject, body)

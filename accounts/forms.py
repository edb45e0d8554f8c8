from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from scrutiny.emails import render_plain_text, subject_line
from scrutiny.forms import SingleLineCharField
from scrutiny.jobs import enqueue
from scrutiny.locking import VersionedForm
from scrutiny.translated import LANGUAGE_NAMES, language_of, welsh_on

# The languages named in the page's language ("English" and "Welsh"; "Saesneg" and "Cymraeg").
LANGUAGE_CHOICES = [(code, LANGUAGE_NAMES[code]) for code, _name in settings.LANGUAGES]


class SignInForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("The email address or password is not right. Check them and try again."),
        "inactive": _("This account has been switched off. Ask your administrator."),
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "display_name", "email", "phone", "postal_address", "contact_preference",
            "large_text", "large_print_documents", "access_needs", "language", "named_in_public",
        ]
        labels = {
            "postal_address": _("Postal address"),
            # Not "name": a label holding that word would stand beside the Name field's.
            "named_in_public": _("Show who I am on the landlord's public pages and open data"),
        }
        field_classes = {"display_name": SingleLineCharField}
        widgets = {
            "postal_address": forms.Textarea(attrs={"rows": 3}),
            "access_needs": forms.Textarea(attrs={"rows": 3}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].widget = forms.RadioSelect(choices=LANGUAGE_CHOICES)
        self.fields["language"].help_text = _(
            "The language of what we send you: emails, notices and reports.")
        self.fields["language"].required = False  # left out, it stays as it was
        if not welsh_on() and self.instance.language == settings.LANGUAGE_CODE:
            del self.fields["language"]

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.instance.language or settings.LANGUAGE_CODE

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        taken = User.objects.filter(email__iexact=email).exclude(pk=self.instance.pk).exists()
        if taken:
            raise forms.ValidationError(_("Someone else already uses this email address."))
        return email


class InvitationForm(forms.Form):
    display_name = SingleLineCharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Role.choices, initial=Role.TENANT,
        help_text=_("Tenants take part in panels; officers and managers work for the landlord."),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect,
        required=False,
        help_text=_("The email and the page where they choose a password are in this language. "
                    "They can change it later on their profile."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The language of the page the administrator is on, unless the site has no Welsh.
        if welsh_on():
            self.fields["language"].initial = translation.get_language() or settings.LANGUAGE_CODE
        else:
            self.fields["language"].initial = settings.LANGUAGE_CODE
            self.fields["language"].widget = forms.HiddenInput()

    def clean_language(self) -> str:
        return self.cleaned_data.get("language") or self.fields["language"].initial


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label=_("Choose a password"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 8 characters. A few unrelated words make a strong password."),
    )
    password2 = forms.CharField(
        label=_("Type the password again"), strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    language = forms.ChoiceField(
        label=_("Language for emails and letters"), choices=LANGUAGE_CHOICES, widget=forms.RadioSelect,
        required=False,
        help_text=_("What we send you will be in this language. You can change it later on your profile."),
    )

    def __init__(self, *args: Any, language: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language or settings.LANGUAGE_CODE
        if not welsh_on() and language in ("", settings.LANGUAGE_CODE):
            self.fields["language"].widget = forms.HiddenInput()

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords are different. Type them again."))
        return data


def _on(value: str) -> bool:
    return value == "on"


ACCOUNT_STATES = [("on", _("On: they can sign in")), ("off", _("Off: they cannot sign in"))]


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Name or email address"), required=False, max_length=200)


class PersonForm(VersionedForm, forms.Form):
    """An administrator's change to someone's role or account; its version catches a change
    another administrator saved meanwhile (scrutiny/locking.py)."""

    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, widget=forms.RadioSelect)
    is_active = forms.TypedChoiceField(
        label=_("Account"), choices=ACCOUNT_STATES, coerce=_on, widget=forms.RadioSelect
    )

    def __init__(self, *args: Any, person: User, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {
            "role": person.role, "is_active": "on" if person.is_active else "off",
        })
        super().__init__(*args, versioned=person, **kwargs)

    def saved_value(self, name: str, current: models.Model) -> str:
        if name == "is_active":
            return str(dict(ACCOUNT_STATES)["on" if current.is_active else "off"])
        return super().saved_value(name, current)


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's password reset, its email sent by a worker through the outbox (scrutiny/jobs.py),
    so a mail server that is down or never answers cannot fail or hold up the page. The email is
    written in the person's own language (their profile's), its link too."""

    def send_mail(self, subject_template_name: str, email_template_name: str, context: dict[str, Any],
                  from_email: str | None, to_email: str, html_email_template_name: str | None = None) -> None:

        with language_of(context.get("user")):
            subject = subject_line(render_plain_text(subject_template_name, context))
            body = render_plain_text(email_template_name, context)
        enqueue("accounts.tasks.send_password_reset", to_email, subject, body)

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from scrutiny.uploads import human_size


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("The regulator's TSM Full Data workbook or Charter CSV"),
        help_text=format_lazy(
            _("The Regulator of Social Housing's TSM Full Data workbook (.xlsx) exactly as downloaded, or "
              "the Scottish Housing Regulator's Charter figures as a CSV file (.csv) in the format described "
              "below; up to {size}."), size=human_size(settings.UPLOAD_MAX_BYTES)),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={"required": _("Choose the file to upload.")},
    )


class PeersForm(forms.Form):
    codes = forms.CharField(
        label=_("The regulator's codes of the landlords to compare with"), required=False,
        help_text=_("One a line, or separated by commas. Leave it empty to compare with landlords of "
                    "the same type, size band and region as us."),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off", "spellcheck": "false"}),
    )

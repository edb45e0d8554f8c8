from django import forms
from django.conf import settings

from scrutiny.uploads import human_size


class UploadForm(forms.Form):
    file = forms.FileField(
        label="The regulator's TSM Full Data workbook",
        help_text="The Excel file (.xlsx) exactly as downloaded from the Regulator of Social Housing; "
                  f"up to {human_size(settings.UPLOAD_MAX_BYTES)}.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
        error_messages={"required": "Choose the workbook to upload."},
    )


class PeersForm(forms.Form):
    codes = forms.CharField(
        label="The regulator's codes of the landlords to compare with", required=False,
        help_text="One a line, or separated by commas. Leave it empty to compare with landlords of "
                  "the same type, size band and region as us.",
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off", "spellcheck": "false"}),
    )

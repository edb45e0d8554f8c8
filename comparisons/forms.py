from django import forms
from django.conf import settings

from scrutiny.uploads import human_size


class UploadForm(forms.Form):
    file = forms.FileField(
        label="The regulator's TSM Full Data workbook or Charter CSV",
        help_text="The Regulator of Social Housing's TSM Full Data workbook (.xlsx) exactly as downloaded, "
                  "or the Scottish Housing Regulator's Charter figures as a CSV file (.csv) in the format "
                  f"described below; up to {human_size(settings.UPLOAD_MAX_BYTES)}.",
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
        error_messages={"required": "Choose the file to upload."},
    )


class PeersForm(forms.Form):
    codes = forms.CharField(
        label="The regulator's codes of the landlords to compare with", required=False,
        help_text="One a line, or separated by commas. Leave it empty to compare with landlords of "
                  "the same type, size band and region as us.",
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off", "spellcheck": "false"}),
    )

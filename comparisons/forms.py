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

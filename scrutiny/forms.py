from django.core.exceptions import NON_FIELD_ERRORS


def add_service_errors(form, exc):
    """Show a service's ValidationError on the form: beside its field, or at the top."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else NON_FIELD_ERRORS, errors)
    else:
        form.add_error(None, exc)

from accounts.models import Invitation


def pending_invitations():
    """Invitations not yet accepted, newest first, with who sent them."""
    return Invitation.objects.filter(accepted_at__isnull=True).select_related("invited_by")


def personal_data(user):
    """What the accounts app holds about a person, for their own download."""
    return "Account", {
        "email": user.email,
        "name": user.display_name,
        "role": user.get_role_display(),
        "phone": user.phone,
        "postal_address": user.postal_address,
        "contact_preference": user.get_contact_preference_display(),
        "large_text": user.large_text,
        "large_print_documents": user.large_print_documents,
        "access_needs": user.access_needs,
        "date_joined": user.date_joined.isoformat(),
        "last_sign_in": user.last_login.isoformat() if user.last_login else None,
    }

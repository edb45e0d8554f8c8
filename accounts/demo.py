"""Demo people: one per role, with a fictional landlord's site settings."""

from accounts.models import Role, User
from scrutiny.models import SiteSettings

DEMO_PEOPLE = {
    "tenant": ("tenant@example.org", "Morag Fraser", Role.TENANT),
    "officer": ("officer@example.org", "Daniel Okafor", Role.OFFICER),
    "manager": ("manager@example.org", "Helen Baird", Role.MANAGER),
    "admin": ("admin@example.org", "Sam Patel", Role.ADMIN),
}


def demo_user(email: str, name: str, role: str, password: str) -> User:
    user, created = User.objects.get_or_create(
        email=email, defaults={"display_name": name, "role": role}
    )
    if created:
        user.set_password(password)
        user.save()
    return user


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    site = SiteSettings.load()
    if site.landlord_name == SiteSettings._meta.get_field("landlord_name").default:
        site.landlord_name = "Tayview Council"
        site.contact_email = "scrutiny@example.org"
        site.contact_phone = "01234 567890"
        site.save()
    return {key: demo_user(*spec, password) for key, spec in DEMO_PEOPLE.items()}

"""Demo people: one per role, with a fictional landlord's site settings."""

from base64 import b32decode

from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from scrutiny.models import SiteSettings

DEMO_PEOPLE = {
    "tenant": ("tenant@example.org", "Morag Fraser", Role.TENANT),
    "officer": ("officer@example.org", "Daniel Okafor", Role.OFFICER),
    "manager": ("manager@example.org", "Helen Baird", Role.MANAGER),
    "admin": ("admin@example.org", "Sam Patel", Role.ADMIN),
}

# The demo staff's authenticator app key (in the README): anyone may add it to an app, or run
# `manage.py second_factor_code officer@example.org`. Demo data only; never on a real site.
DEMO_AUTHENTICATOR_KEY = "SCRUTINY DEMO KEY2"


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
    people = {key: demo_user(*spec, password) for key, spec in DEMO_PEOPLE.items()}
    key = b32decode(DEMO_AUTHENTICATOR_KEY.replace(" ", "")).hex()
    for person in people.values():
        if person.works_for_landlord and not TOTPDevice.objects.filter(user=person).exists():
            TOTPDevice.objects.create(user=person, name="Demo authenticator", key=key)
    return people

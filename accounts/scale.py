"""People of the scale landlord: 2,400 over ten years at full scale."""

from base64 import b32decode

from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from scrutiny.scale import EMAIL_DOMAIN, Plan, bulk

PASSWORD = "scrutiny-scale"  # noqa: S105 - benchmark data only, never a real person
# Staff must pass a second factor: each has an authenticator app with this key (benchmark data
# only), whose codes bench/load_people.py types as a person would.
AUTHENTICATOR_KEY = "SCRUTINY SCALE KEY"


def authenticator_key() -> str:
    """The staff's authenticator key as django-otp stores it (hex)."""
    return b32decode(AUTHENTICATOR_KEY.replace(" ", "")).hex()
# Of every 2,400 people: most are tenants; a few landlord staff; a handful of administrators.
PEOPLE = {Role.TENANT: 2000, Role.OFFICER: 300, Role.MANAGER: 80, Role.ADMIN: 20}
FIRST = ["Alex", "Sam", "Jo", "Chris", "Pat", "Morgan", "Ruth", "Iain", "Fatima", "Kwame", "Aisha", "Tom"]
LAST = ["Smith", "Campbell", "Khan", "Jones", "Brown", "Wilson", "Patel", "Murray", "Reid", "Okafor"]


def email(role: str, n: int) -> str:
    """The address of the n-th seeded person with a role (the first, n=1, signs in for benchmarks)."""
    return f"{role}-{n:04d}@{EMAIL_DOMAIN}"


def seed(plan: Plan) -> None:
    """Make the people once; either way, note their ids by role for the later steps."""
    if not User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists():
        password = make_password(PASSWORD)  # hashed once: hashing 2,400 times takes minutes
        people = []
        for role, full in PEOPLE.items():
            for n in range(1, plan.count(full, least=2) + 1):
                name = f"{plan.random.choice(FIRST)} {plan.random.choice(LAST)}"
                admin = role == Role.ADMIN
                people.append(User(
                    email=email(role, n), display_name=name, role=role, password=password,
                    is_staff=admin, is_superuser=admin,
                ))
        bulk(User, people)
        plan.note(f"{len(people)} people")
    by_role: dict[str, list[int]] = {role: [] for role in PEOPLE}
    rows = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").order_by("email").values_list("pk", "role")
    for pk, kind in rows:
        by_role[kind].append(pk)
    plan.made["people"] = by_role
    staff = [pk for role, pks in by_role.items() if role != Role.TENANT for pk in pks]
    if staff and not TOTPDevice.objects.filter(user_id__in=staff).exists():
        bulk(TOTPDevice, [TOTPDevice(user_id=pk, name="Scale authenticator", key=authenticator_key())
                          for pk in staff])
        plan.note(f"{len(staff)} staff authenticator apps")

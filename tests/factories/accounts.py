import factory

from accounts.models import Invitation, Role, User

PASSWORD = "a-long-test-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name", locale="en_GB")
    role = Role.TENANT
    password = factory.django.Password(PASSWORD)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    display_name = factory.Faker("name", locale="en_GB")
    role = Role.TENANT
    token_hash = factory.Sequence(lambda n: f"{n:064d}")

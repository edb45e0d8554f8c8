"""A choice's label, as Django's get_<field>_display() gives it, in the page's language."""

from django.utils import translation

from panels.models import Membership, PanelRole
from scrutiny import choice_labels


def test_the_label_is_in_the_language_of_the_moment():
    membership = Membership(role=PanelRole.CHAIR)
    with translation.override("en-gb"):
        english = membership.get_role_display()
    with translation.override("cy"):
        welsh = membership.get_role_display()
    assert english == str(PanelRole.CHAIR.label) == "Chair"
    with translation.override("cy"):
        assert welsh == str(PanelRole.CHAIR.label) != english


def test_a_value_not_among_the_choices_is_shown_as_it_is():
    assert Membership(role="no-such-role").get_role_display() == "no-such-role"


def test_every_models_display_gives_what_django_gives():
    membership = Membership(role=PanelRole.MEMBER)
    assert vars(Membership)["get_role_display"].func is choice_labels.display
    for value, _label in PanelRole.choices:
        membership.role = value
        field = Membership._meta.get_field("role")
        assert membership.get_role_display() == choice_labels._django_display(membership, field)


def test_new_choices_on_a_field_are_used():
    field = Membership._meta.get_field("role")
    membership = Membership(role=PanelRole.CHAIR)
    kept = field.choices
    try:
        field.choices = [(PanelRole.CHAIR, "Cadeirydd prawf")]
        assert membership.get_role_display() == "Cadeirydd prawf"
    finally:
        field.choices = kept
    assert membership.get_role_display() == "Chair"

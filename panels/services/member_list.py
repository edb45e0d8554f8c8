"""Adding many people to a panel at once, from a list of names, email addresses and roles (typed,
pasted from a spreadsheet or uploaded as CSV). Every line is checked first and shown with what
will happen to it; the list is then added whole, in one transaction, or not at all."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from accounts.models import Invitation, Role, User
from panels import permissions
from panels.models import Membership, Panel, PanelRole
from panels.services.membership import add_or_invite
from scrutiny.forms import single_line
from scrutiny.permissions import require
from scrutiny.translated import ENGLISH

MOST_AT_ONCE = 200  # a large steering group fits; a mistaken paste of a whole tenant list does not
LONGEST_NAME = 150  # User.display_name
NOT_YOURS = _lazy("Only the panel's chair, its officers and administrators can add members.")


def _word(text: str) -> str:
    return re.sub(r"[\s_-]+", " ", str(text)).strip().lower()


def _roles(choices: type[models.TextChoices]) -> dict[str, str]:
    """The words a list may use for each role: its code, its English name, and its name in the
    page's language (a Welsh list may say "cadeirydd")."""
    words = {_word(value): value for value in choices.values}
    for language in dict.fromkeys((ENGLISH, translation.get_language() or ENGLISH)):
        with translation.override(language):
            words |= {_word(label): value for value, label in choices.choices}
    return words


def _or(words: list[str]) -> str:
    """ "a, b or c" in the page's language."""
    return _("%(some)s or %(last)s") % {"some": ", ".join(words[:-1]), "last": words[-1]}


def _role_words() -> str:
    return _or([str(label).lower() for label in PanelRole.labels])


def _site_role_words() -> str:
    return _or([str(label).lower() for label in Role.labels])


@dataclass
class ListedPerson:
    """One line of the list: what it says and what will happen (or what is wrong with it)."""

    line: int
    name: str
    email: str
    role: str = PanelRole.MEMBER
    site_role: str = Role.TENANT
    outcome: str = ""
    problem: str = ""

    @property
    def role_label(self) -> str:
        return str(PanelRole(self.role).label) if self.role in PanelRole.values else ""


@dataclass
class CheckedList:
    people: list[ListedPerson]
    problems: list[str]

    @property
    def ready(self) -> bool:
        return bool(self.people) and not self.problems

    @property
    def counts(self) -> Counter[str]:
        return Counter(person.outcome for person in self.people if not person.problem)


def _is_heading(cells: list[str]) -> bool:
    return len(cells) > 1 and _word(cells[0]) == "name" and "email" in _word(cells[1]).replace(" ", "")


def _read(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) for each line that is not blank; a heading line is left out. A list
    pasted from a spreadsheet is split at tabs, any other at commas."""
    delimiter = "\t" if "\t" in text else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    rows = []
    while True:
        starts_on = reader.line_num + 1
        try:
            cells = next(reader, None)
        except csv.Error as exc:  # a quote left open swallows the lines after it, past csv's limit
            raise ValidationError(
                _("Line %(line)s: this line could not be read. Check that each double quote has its "
                  "partner.") % {"line": starts_on}
            ) from exc
        if cells is None:
            break
        cells = [single_line(cell) for cell in cells]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            rows.append((starts_on, cells))
    if rows and _is_heading(rows[0][1]):
        rows.pop(0)
    return rows


def _person(line: int, cells: list[str], *, may_choose_site_role: bool) -> ListedPerson:
    """A listed person from one line's cells, with a problem if the line cannot be used."""
    cells = cells + [""] * (4 - len(cells))
    name, email, role, site_role = cells[0], cells[1].lower(), _word(cells[2]), _word(cells[3])
    panel_roles, site_roles = _roles(PanelRole), _roles(Role)
    person = ListedPerson(line=line, name=name, email=email)
    if len(cells) > 4:
        person.problem = _(
            "there are more than four parts. Write the name, email address and role, separated by "
            "commas; put a name that has a comma in it inside double quotes."
        )
    elif not email:
        person.problem = _("write the name, a comma, then the email address.")
    elif len(name) > LONGEST_NAME:
        person.problem = _("the name is longer than %(most)s letters.") % {"most": LONGEST_NAME}
    elif role and role not in panel_roles:
        person.problem = _("‘%(role)s’ is not a role on a panel. Write %(roles)s.") % {
            "role": cells[2], "roles": _role_words()}
    elif site_role and site_role not in site_roles:
        person.problem = _("‘%(role)s’ is not a role on the site. Write %(roles)s.") % {
            "role": cells[3], "roles": _site_role_words()}
    elif site_role and site_roles[site_role] != Role.TENANT and not may_choose_site_role:
        person.problem = _(
            "only administrators can invite officers, managers or administrators. Leave the fourth "
            "part out to invite a tenant."
        )
    else:
        try:
            validate_email(email)
        except ValidationError:
            person.problem = _("‘%(email)s’ is not an email address.") % {"email": cells[1]}
    person.role = panel_roles.get(role, PanelRole.MEMBER)
    person.site_role = site_roles.get(site_role, Role.TENANT)
    return person


def check_member_list(*, panel: Panel, by: User, text: str) -> CheckedList:
    """Read the list and say, line by line, what adding it to the panel would do. Changes nothing;
    makes the same few queries however long the list is."""
    require(permissions.can_manage_panel(by, panel), NOT_YOURS)
    try:
        rows = _read(text)
    except ValidationError as exc:
        return CheckedList([], exc.messages)
    if not rows:
        return CheckedList([], [_("The list is empty. Write one person on each line: name, email, role.")])
    if len(rows) > MOST_AT_ONCE:
        return CheckedList([], [
            _("The list has %(count)s people. Add at most %(most)s at a time: split the list "
              "and add each part in turn.") % {"count": len(rows), "most": MOST_AT_ONCE}
        ])
    if not panel.is_active:
        return CheckedList([], [_("This panel is closed, so nobody can join it.")])
    may_choose = permissions.can_choose_site_role(by)
    people = [_person(line, cells, may_choose_site_role=may_choose) for line, cells in rows]
    _check_against_the_site(panel, people)
    problems = [_("Line %(line)s: %(problem)s") % {"line": person.line, "problem": person.problem}
                for person in people if person.problem]
    return CheckedList(people, problems)


def _check_against_the_site(panel: Panel, people: list[ListedPerson]) -> None:
    """Find who already has an account, a membership or an invitation, in one query each."""
    emails = [person.email for person in people if not person.problem]
    accounts = {user.email: user for user in User.objects.filter(email__in=emails)}
    on_the_panel = set(
        Membership.objects.filter(panel=panel, user__in=accounts.values(), left_on__isnull=True)
        .values_list("user_id", flat=True)
    )
    leaving_later = dict(
        Membership.objects.filter(panel=panel, user__in=accounts.values(), left_on__gt=timezone.localdate())
        .values_list("user_id", "left_on")
    )
    waiting = Invitation.objects.filter(email__in=emails, accepted_at__isnull=True).order_by("created_at")
    invitations = {invitation.email: invitation for invitation in waiting}  # the newest wins
    first_line: dict[str, int] = {}
    for person in people:
        if person.email and person.email in first_line and not person.problem:
            person.problem = _("%(email)s is also on line %(line)s. Give each person once.") % {
                "email": person.email, "line": first_line[person.email]}
        first_line.setdefault(person.email, person.line)
        if person.problem:
            continue
        user, invitation = accounts.get(person.email), invitations.get(person.email)
        if user is not None:
            person.problem = _cannot_join(user, on_the_panel, leaving_later)
            person.outcome = _("Has an account as %(name)s: will be added now") % {"name": user.display_name}
        elif invitation is not None and invitation.is_usable:
            invited_at = timezone.localtime(invitation.sent_at or invitation.created_at)
            person.outcome = _(
                "%(name)s was invited on %(date)s and has not accepted yet. The panel will be added to "
                "their invitation"
            ) % {"name": invitation.display_name, "date": date_format(invited_at, "j F Y")}
        elif invitation is not None:
            person.outcome = _("Their invitation has expired: a new link will be sent")
        elif not person.name:
            person.problem = _("give the person's name, so we can invite them.")
        else:
            person.outcome = _("Will be invited to the site, and join the panel when they accept")


def _cannot_join(user: User, on_the_panel: set[int], leaving_later: dict) -> str:
    if not user.is_active:
        return _("%(name)s's account is switched off, so they cannot be added.") % {"name": user.display_name}
    if user.pk in on_the_panel:
        return _("%(name)s is already a member of this panel.") % {"name": user.display_name}
    if user.pk in leaving_later:
        return _("%(name)s leaves this panel on %(date)s, so cannot rejoin before then.") % {
            "name": user.display_name, "date": date_format(leaving_later[user.pk], "j F Y")}
    return ""


@transaction.atomic
def add_member_list(*, panel: Panel, by: User, text: str) -> Counter[str]:
    """Add or invite everyone on the list, checked again here (a preview is not proof): if any
    line has a problem, nobody is added. Invitations are emailed after the transaction commits.
    Returns how many were "added", "invited" and "already invited"."""
    require(permissions.can_manage_panel(by, panel), NOT_YOURS)
    # One list at a time per panel, so two people confirming the same list cannot both add it.
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    checked = check_member_list(panel=panel, by=by, text=text)
    if not checked.ready:
        raise ValidationError(checked.problems)
    done: Counter[str] = Counter()
    for person in checked.people:
        try:
            outcome, _place = add_or_invite(
                panel=panel, email=person.email, display_name=person.name, role=person.role,
                site_role=person.site_role, by=by,
            )
        except ValidationError as exc:
            raise ValidationError([
                _("Line %(line)s: %(problem)s") % {"line": person.line, "problem": message}
                for message in exc.messages
            ]) from exc
        done[outcome] += 1
    return done

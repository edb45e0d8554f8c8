"""Every mysteryshop URL against every role.

The tenant is a member of programme A's panel (a shopper there) and has a draft visit; panel B's
programme is not theirs. Everyone signed in reads checklists; only admins change them and the
jargon list. The panel and staff read visits; shoppers change only their own drafts."""

from mysteryshop.models import Checklist
from tests.factories.mysteryshop import SectionFactory, StandardFactory
from tests.permission_matrix import OK, REDIRECT, Row, admins_only, everyone


def _checklist_rows():
    used = Checklist.objects.filter(is_current=True).first()
    section = SectionFactory(title="Reception")
    standard = StandardFactory(section=section)
    checklist = section.checklist
    c = f"/mystery-shopping/checklists/{checklist.pk}"

    def remove_url(role):
        extra = StandardFactory(section=section, question=f"Remove me ({role})")
        return f"{c}/standards/{extra.pk}/remove/"

    return [
        Row("mysteryshop:checklists", "/mystery-shopping/checklists/", everyone(OK)),
        Row("mysteryshop:checklist", f"/mystery-shopping/checklists/{used.pk}/", everyone(OK)),
        Row("mysteryshop:checklist-create", "/mystery-shopping/checklists/new/", admins_only()),
        Row("mysteryshop:checklist-create", "/mystery-shopping/checklists/new/",
            admins_only(REDIRECT), method="post",
            data=lambda role: {"title": f"Estate walkabout ({role})", "purpose": "other"}),
        Row("mysteryshop:checklist-edit", f"{c}/edit/", admins_only()),
        Row("mysteryshop:checklist-copy", f"{c}/copy/", admins_only()),
        Row("mysteryshop:checklist-copy", f"{c}/copy/", admins_only(REDIRECT), method="post",
            data={"title": "A copy"}),
        Row("mysteryshop:section-add", f"{c}/sections/add/", admins_only()),
        Row("mysteryshop:section-edit", f"{c}/sections/{section.pk}/edit/", admins_only()),
        Row("mysteryshop:standard-add", f"{c}/sections/{section.pk}/standards/add/", admins_only()),
        Row("mysteryshop:standard-edit", f"{c}/standards/{standard.pk}/edit/", admins_only()),
        Row("mysteryshop:standard-remove", remove_url, admins_only(REDIRECT), method="post",
            data={"version": "0"}),
    ]


def rows(people):
    return _checklist_rows()


"""Put the starting checklists and jargon list in place; safe to run again.

Takes the app registry so the data migration (historical models) and the demo (real models)
share one function."""

from decimal import Decimal

from django.apps.registry import Apps

from mysteryshop.seed_content import CHECKLISTS, JARGON, JARGON_CY, family


def seed_checklists(apps: Apps) -> None:
    """Create any missing seeded checklist (a checklist already there is left as it is)."""
    Checklist = apps.get_model("mysteryshop", "Checklist")
    Section = apps.get_model("mysteryshop", "Section")
    Standard = apps.get_model("mysteryshop", "Standard")
    for spec in CHECKLISTS:
        fam = family(spec["slug"])
        if Checklist.objects.filter(family=fam).exists():
            continue
        checklist = Checklist.objects.create(
            family=fam, number=1, title=spec["title"], purpose=spec["purpose"],
            introduction=spec["introduction"], is_current=True,
        )
        for s_pos, (title, standards) in enumerate(spec["sections"], start=1):
            section = Section.objects.create(checklist=checklist, position=s_pos, title=title)
            for pos, (question, guidance, kind, weight, mark, lower, unit, required) in enumerate(
                standards, start=1
            ):
                Standard.objects.create(
                    checklist=checklist, section=section, position=pos, question=question,
                    guidance=guidance, answer_type=kind, weight=weight,
                    threshold=None if mark is None else Decimal(mark), lower_is_better=lower,
                    unit=unit, required=required,
                )


def seed_jargon(apps: Apps) -> None:
    """Add any missing jargon word from the starting list."""
    JargonTerm = apps.get_model("mysteryshop", "JargonTerm")
    known = {t.lower() for t in JargonTerm.objects.values_list("term", flat=True)}
    JargonTerm.objects.bulk_create(
        [JargonTerm(term=term, plain=plain) for term, plain in JARGON if term.lower() not in known]
    )


def seed_welsh_jargon(apps: Apps) -> None:
    """Give each starting jargon word with no Welsh version yet its Welsh word and plain Welsh."""
    JargonTerm = apps.get_model("mysteryshop", "JargonTerm")
    taken = {t.lower() for t in JargonTerm.objects.exclude(term_cy=None).values_list("term_cy", flat=True)}
    for item in JargonTerm.objects.filter(term_cy=None):
        welsh = JARGON_CY.get((item.term_en_gb or item.term).lower())
        if welsh is None or welsh[0].lower() in taken:
            continue
        item.term_cy, item.plain_cy = welsh
        item.save(update_fields=["term_cy", "plain_cy"])
        taken.add(welsh[0].lower())


def seed_all(apps: Apps) -> None:
    seed_checklists(apps)
    seed_jargon(apps)
    # Not in the first migration (0002), whose jargon words have no Welsh column yet; 0009 does it.
    if any(f.name == "term_cy" for f in apps.get_model("mysteryshop", "JargonTerm")._meta.get_fields()):
        seed_welsh_jargon(apps)

"""The published frameworks seeded into every deployment, copied from their public sources.

Only text checked against its source is here. Where a source's full text could not be checked,
only the codes and titles are seeded and `description` is left empty (an administrator can
import a fuller copy from a file). Guidance written by us, not by the publisher, says so.
Quotations are the publisher's words, shortened only by cutting: pointers to a glossary
("see the glossary of terms for a definition") and footnote marks are left out.

Still empty, because their published wording could not be checked (see each entry):
- Scottish Social Housing Charter outcomes 3 to 16, and the supporting narrative of outcome 2:
  the only copy of the November 2022 page that holds the outcomes (CHARTER_OUTCOMES_URL) that
  could be read ends part-way through outcome 2's narrative, so only outcome 1 (with its
  narrative, as its guidance) and outcome 2's statement could be checked against it.
  Other pages that quote the 2012 or 2017 wording are not used: the November 2022 revision
  changed the wording (outcome 1 gained "they support the right to adequate housing"; it also
  changed the equalities, communication, quality of housing, homelessness, value for money and
  Gypsy/Traveller outcomes). For the same reason the titles of outcomes 3 to 16 and of the
  sections after the first are not checked against the 2022 page; it shows only section A's
  title and outcomes 1 and 2.
- The Charter's ARC indicators other than 7, 11, 12, 13, 16 and 23.
- Safety and Quality Standard 1.5 Adaptations: its heading only.
"""

from typing import Any

# A model class as a migration hands it over (apps.get_model): a historical model, which mypy
# cannot know the fields of.
Model = Any

CHARTER_URL = "https://www.gov.scot/publications/scottish-social-housing-charter-november-2022/"
# The page of that publication that holds the 16 outcomes and their supporting narratives.
CHARTER_OUTCOMES_URL = CHARTER_URL + "pages/2/"
TSM_URL = "https://www.gov.uk/government/publications/tenant-satisfaction-measures-standard"
CONSUMER_URL = "https://www.gov.uk/government/collections/consumer-standards"
# Each consumer standard's own page, where its required outcomes were copied from.
# The Safety and Quality Standard's required outcomes were checked against the regulator's words
# as a landlord's consumer standards page quotes them (the regulator's own page could not be
# read); outcome 1.5's wording was cut off there, so only its heading is seeded.
SAFETY_QUALITY_QUOTED_AT = (
    "https://milton-keynes.gov.uk/housing/housing-performance-and-data-0/consumer-standards"
)
TIA_URL = "https://gov.uk/government/publications/transparency-influence-and-accountability-standard"
NEIGHBOURHOOD_URL = "https://gov.uk/government/publications/neighbourhood-and-community-standard"
TENANCY_URL = "https://www.gov.uk/government/publications/tenancy-standard/tenancy-standard-2015"
# The Charter report card the ARC indicators' numbers and wording were checked against.
ARC_REPORT_CARD_URL = (
    "https://www.angus.gov.uk/housing/council_and_social_housing/housing_charter_report_card?page_id=1223"
)
SUPPORTING_COMMUNITIES_URL = "https://supportingcommunities.org/tp-standards"

CHARTER = {
    "code": "scottish-social-housing-charter-2022",
    "name": "Scottish Social Housing Charter",
    "source": "Scottish Government, Scottish Social Housing Charter, November 2022",
    "source_url": CHARTER_URL,
    "description": "The 16 outcomes and standards that social landlords in Scotland should achieve, "
    "in the Charter's sections. Outcome 12 applies to councils only; outcome 16 only to landlords "
    "that manage sites for Gypsy/Travellers.",
    "standards": [
        (
            "A",
            "The customer/landlord relationship",
            [
                (
                    "1",
                    "Equalities",
                    "Social landlords perform all aspects of their housing services so that: they support "
                    "the right to adequate housing; every tenant and other customer has their individual "
                    "needs and rights recognised, is treated fairly and with respect, and receives fair "
                    "access to housing and housing services.",
                    # The supporting narrative, in full (CHARTER_OUTCOMES_URL).
                    "This outcome describes what social landlords, by meeting their statutory duties on "
                    "equalities should achieve for all tenants and other customers regardless of age, "
                    "disability, gender reassignment, marriage and civil partnership, race, religion or "
                    "belief, sex, or sexual orientation. This includes the need to eliminate discrimination "
                    "and advance equality of opportunity. It includes landlords' responsibility for finding "
                    "ways of understanding the rights and needs of different customers, for example "
                    "victims/survivors of domestic abuse and delivering services that recognise and meet "
                    "these. This may include making reasonable adjustments.",
                ),
                (
                    "2",
                    "Communication",
                    "Social landlords manage their businesses so that: tenants and other customers find it "
                    "easy to communicate with their landlord and get the information they need about their "
                    "landlord, how and why it makes decisions and the services it provides.",
                ),
                ("3", "Participation", ""),
            ],
        ),
        (
            "B",
            "Housing quality and maintenance",
            [
                ("4", "Quality of housing", ""),
                ("5", "Repairs, maintenance and improvements", ""),
            ],
        ),
        (
            "C",
            "Neighbourhood and community",
            [
                (
                    "6",
                    "Estate management, anti-social behaviour, neighbour nuisance and tenancy disputes",
                    "",
                ),
            ],
        ),
        (
            "D",
            "Access to housing and support",
            [
                ("7", "Housing options", ""),
                ("8", "Housing options", ""),
                ("9", "Housing options", ""),
                ("10", "Access to social housing", ""),
                ("11", "Tenancy sustainment", ""),
                ("12", "Homeless people", ""),
            ],
        ),
        (
            "E",
            "Getting good value from rents and service charges",
            [
                ("13", "Value for money", ""),
                ("14", "Rents and service charges", ""),
                ("15", "Rents and service charges", ""),
            ],
        ),
        (
            "F",
            "Other customers",
            [
                ("16", "Gypsy/Travellers", ""),
            ],
        ),
    ],
    # Annual Return on the Charter indicators, as numbered and worded in a landlord's published
    # Charter report card for 2022/23 (ARC_REPORT_CARD_URL). Only these were checked; the
    # landlord imports others. The same card also numbers a new gas safety indicator "11", which
    # clashes with emergency repairs, so that one is not seeded.
    # Each indicator under the outcome the regulator's Annual Return on the Charter lists it
    # under: housing quality (4), repairs (5), and adaptations under tenancy sustainment (11).
    "indicator_outcomes": {"7": "4", "11": "5", "12": "5", "13": "5", "16": "5", "23": "11"},
    "indicators": [
        ("7", "Percentage of stock meeting the Scottish Housing Quality Standard", "%", True),
        ("11", "Average length of time taken to complete emergency repairs", "hours", False),
        ("12", "Average length of time taken to complete non-emergency repairs", "days", False),
        (
            "13",
            "Percentage of reactive repairs carried out in the last year completed right first time",
            "%",
            True,
        ),
        (
            "16",
            "Percentage of tenants who have had repairs or maintenance carried out in last 12 months "
            "satisfied with the repairs and maintenance service",
            "%",
            True,
        ),
        (
            "23",
            "Average time to complete approved applications for medical adaptations in the reporting year",
            "days",
            False,
        ),
    ],
}

TSM = {
    "code": "tenant-satisfaction-measures",
    "name": "Tenant Satisfaction Measures",
    "source": "Regulator of Social Housing, Tenant Satisfaction Measures: Technical Requirements, "
    "September 2022",
    "source_url": TSM_URL,
    "description": "The 22 measures every registered provider in England collects and publishes each year: "
    "12 from a tenant perception survey (TP01 to TP12) and 10 from management information.",
    # The regulator groups the 22 measures under these themes (Tenant Satisfaction Measures
    # Standard, April 2023); the Annual Report to Tenants reports the figures theme by theme.
    "standards": [
        (
            "T",
            "Tenant Satisfaction Measures themes",
            [
                ("T1", "Overall satisfaction", ""),
                ("T2", "Keeping properties in good repair", ""),
                ("T3", "Maintaining building safety", ""),
                ("T4", "Respectful and helpful engagement", ""),
                ("T5", "Effective handling of complaints", ""),
                ("T6", "Responsible neighbourhood management", ""),
            ],
        ),
    ],
    "indicator_outcomes": {
        "TP01": "T1",
        **dict.fromkeys(["TP02", "TP03", "TP04", "RP01", "RP02"], "T2"),
        **dict.fromkeys(["TP05", "BS01", "BS02", "BS03", "BS04", "BS05"], "T3"),
        **dict.fromkeys(["TP06", "TP07", "TP08"], "T4"),
        **dict.fromkeys(["TP09", "CH01", "CH02"], "T5"),
        **dict.fromkeys(["TP10", "TP11", "TP12", "NM01"], "T6"),
    },
    "indicators": [
        ("TP01", "Overall satisfaction", "%", True),
        ("TP02", "Satisfaction with repairs", "%", True),
        ("TP03", "Satisfaction with time taken to complete most recent repair", "%", True),
        ("TP04", "Satisfaction that the home is well maintained", "%", True),
        ("TP05", "Satisfaction that the home is safe", "%", True),
        ("TP06", "Satisfaction that the landlord listens to tenant views and acts upon them", "%", True),
        (
            "TP07",
            "Satisfaction that the landlord keeps tenants informed about things that matter to them",
            "%",
            True,
        ),
        ("TP08", "Agreement that the landlord treats tenants fairly and with respect", "%", True),
        ("TP09", "Satisfaction with the landlord's approach to handling complaints", "%", True),
        ("TP10", "Satisfaction that the landlord keeps communal areas clean and well maintained", "%", True),
        ("TP11", "Satisfaction that the landlord makes a positive contribution to neighbourhoods", "%", True),
        ("TP12", "Satisfaction with the landlord's approach to handling anti-social behaviour", "%", True),
        ("BS01", "Gas safety checks", "%", True),
        ("BS02", "Fire safety checks", "%", True),
        ("BS03", "Asbestos safety checks", "%", True),
        ("BS04", "Water safety checks", "%", True),
        ("BS05", "Lift safety checks", "%", True),
        ("RP01", "Homes that do not meet the Decent Homes Standard", "%", False),
        ("RP02", "Repairs completed within target timescale", "%", True),
        ("CH01", "Complaints relative to the size of the landlord", "per 1,000 homes", False),
        ("CH02", "Complaints responded to within Complaint Handling Code timescales", "%", True),
        (
            "NM01",
            "Anti-social behaviour cases relative to the size of the landlord",
            "per 1,000 homes",
            False,
        ),
    ],
}

# Guidance in our own words: the required outcomes below are the regulator's; its specific
# expectations are long and were not copied here, so assessors read them at the source.
_CONSUMER_GUIDANCE = (
    "Our guidance, not the regulator's text: score how well the landlord meets this required "
    "outcome and the specific expectations that go with it, as the Regulator of Social Housing "
    "publishes them."
)

CONSUMER_STANDARDS = {
    "code": "consumer-standards-2024",
    "name": "Consumer Standards (England)",
    "source": "Regulator of Social Housing, consumer standards in force from 1 April 2024: the required "
    "outcomes of each standard",
    "source_url": CONSUMER_URL,
    "description": "The four consumer standards for registered providers of social housing in England, "
    "each with its required outcomes.",
    "standards": [
        (
            # SAFETY_QUALITY_QUOTED_AT
            "SQ",
            "Safety and Quality Standard",
            [
                (
                    "SQ 1.1",
                    "Stock Quality",
                    "Registered providers must have an accurate, up to date and evidenced understanding "
                    "of the condition of their homes that reliably informs their provision of good "
                    "quality, well maintained and safe homes for tenants.",
                ),
                (
                    "SQ 1.2",
                    "Decency",
                    "Registered providers must ensure that tenants’ homes meet the standard set out in "
                    "section five of the Government’s Decent Homes Guidance and continue to maintain "
                    "their homes to at least this standard unless exempted by the regulator.",
                ),
                (
                    "SQ 1.3",
                    "Health and Safety",
                    "When acting as landlords, registered providers must take all reasonable steps to "
                    "ensure the health and safety of tenants in their homes and associated communal "
                    "areas.",
                ),
                (
                    "SQ 1.4",
                    "Repairs, maintenance and planned improvements",
                    "Registered providers must provide an effective, efficient and timely repairs, "
                    "maintenance and planned improvements service for the homes and communal areas for "
                    "which they are responsible.",
                ),
                ("SQ 1.5", "Adaptations", ""),
            ],
        ),
        (
            # TIA_URL
            "TIA",
            "Transparency, Influence and Accountability Standard",
            [
                (
                    "TIA 1.1",
                    "Fairness and respect",
                    "Registered providers must treat tenants and prospective tenants with fairness and "
                    "respect.",
                ),
                (
                    "TIA 1.2",
                    "Diverse needs",
                    "In relation to the housing and landlord services they provide, registered providers "
                    "must take action to deliver fair and equitable outcomes for tenants and, where "
                    "relevant, prospective tenants.",
                ),
                (
                    "TIA 1.3",
                    "Engagement with tenants",
                    "Registered providers must take tenants’ views into account in their decision-making "
                    "about how landlord services are delivered and communicate how tenants’ views have "
                    "been considered.",
                ),
                (
                    "TIA 1.4",
                    "Information about landlord services",
                    "Registered providers must communicate with tenants and provide information so "
                    "tenants can use landlord services, understand what to expect from their landlord, "
                    "and hold their landlord to account.",
                ),
                (
                    "TIA 1.5",
                    "Performance information",
                    "Registered providers must collect and provide information to support effective "
                    "scrutiny by tenants of their landlord’s performance in delivering landlord services.",
                ),
                (
                    "TIA 1.6",
                    "Complaints",
                    "Registered providers must ensure complaints are addressed fairly, effectively, and "
                    "promptly.",
                ),
            ],
        ),
        (
            # NEIGHBOURHOOD_URL
            "NC",
            "Neighbourhood and Community Standard",
            [
                (
                    "NC 1.1",
                    "Safety of shared spaces",
                    "Registered providers must work co-operatively with tenants, other landlords and "
                    "relevant organisations to take all reasonable steps to ensure the safety of shared "
                    "spaces.",
                ),
                (
                    "NC 1.2",
                    "Local cooperation",
                    "Registered providers must co-operate with relevant partners to promote social, "
                    "environmental and economic wellbeing in the areas where they provide social housing.",
                ),
                (
                    "NC 1.3",
                    "Anti-social behaviour and hate incidents",
                    "Registered providers must work in partnership with appropriate local authority "
                    "departments, the police and other relevant organisations to deter and tackle "
                    "anti-social behaviour (ASB) and hate incidents in the neighbourhoods where they "
                    "provide social housing.",
                ),
                (
                    "NC 1.4",
                    "Domestic abuse",
                    "Registered providers must work co-operatively with other agencies tackling domestic "
                    "abuse and enable tenants to access appropriate support and advice.",
                ),
            ],
        ),
        (
            # TENANCY_URL (the page's address says 2015; its text is the standard from 1 April 2024)
            "TS",
            "Tenancy Standard",
            [
                (
                    "TS 1.1",
                    "Allocations and lettings",
                    "Registered providers must allocate and let their homes in a fair and transparent way "
                    "that takes the needs of tenants and prospective tenants into account.",
                ),
                (
                    "TS 1.2",
                    "Tenancy sustainment and evictions",
                    "Registered providers must support tenants to maintain their tenancy or licence. Where "
                    "a registered provider ends a tenancy or licence, they must offer affected tenants "
                    "advice and assistance.",
                ),
                (
                    "TS 1.3",
                    "Tenure",
                    "Registered providers shall offer tenancies or terms of occupation which are "
                    "compatible with the purpose of the accommodation, the needs of individual "
                    "households, the sustainability of the community, and the efficient use of their "
                    "housing stock. They shall meet all applicable statutory and legal requirements in "
                    "relation to the form and use of tenancy agreements or terms of occupation.",
                ),
                (
                    "TS 1.4",
                    "Mutual exchange",
                    "Registered providers must support relevant tenants living in eligible housing to "
                    "mutually exchange their homes.",
                ),
            ],
        ),
    ],
    "guidance": _CONSUMER_GUIDANCE,
    "indicators": [],
    # The one-outcome-per-standard placeholders seeded before the required outcomes were copied;
    # removed where no one has scored or linked them (migration 0004).
    "retired_outcomes": ["SQ", "TIA", "NC", "TS"],
}

SUPPORTING_COMMUNITIES = {
    "code": "supporting-communities-tp-standards",
    "name": "Tenant Participation Standards (Supporting Communities)",
    "source": "Supporting Communities (Northern Ireland), Tenant Participation Standards: the criteria",
    "source_url": SUPPORTING_COMMUNITIES_URL,
    "description": "The ten criteria of Supporting Communities' Tenant Participation Standards "
    "accreditation.",
    "standards": [
        (
            "TP",
            "The criteria",
            [
                ("1", "The landlord has an effective participation strategy", ""),
                ("2", "The landlord provides good information to tenants", ""),
                ("3", "There are effective tenant involvement structures", ""),
                ("4", "Tenants are involved in making decisions", ""),
                ("5", "The landlord works in partnership with tenants", ""),
                (
                    "6",
                    "Tenants are involved in the scrutiny of their landlord's performance and "
                    "self-assessment",
                    "",
                ),
                ("7", "There are sufficient resources and support to enable tenant participation", ""),
                ("8", "Staff have a good awareness of tenant participation", ""),
                ("9", "The landlord has realistic timescales for tenant participation", ""),
                ("10", "The landlord is committed to promoting equal opportunities", ""),
            ],
        ),
    ],
    "indicators": [],
}

PUBLISHED = [CHARTER, TSM, CONSUMER_STANDARDS, SUPPORTING_COMMUNITIES]


def retire_placeholders(framework_model: Model, outcome_model: Model) -> int:
    """Delete outcomes a published framework no longer has, unless anything refers to them (a
    score, an action, a recommendation): a past self-assessment's results must not change."""
    removed = 0
    for data in PUBLISHED:
        codes = data.get("retired_outcomes", [])
        if not codes:
            continue
        framework = framework_model.objects.filter(code=data["code"]).first()
        if framework is None:
            continue
        for outcome in outcome_model.objects.filter(framework=framework, code__in=codes):
            referenced = any(
                rel.related_model._base_manager.filter(**{rel.field.name: outcome}).exists()
                for rel in outcome_model._meta.related_objects
            )
            if not referenced:
                outcome.delete()
                removed += 1
    return removed


def seed(framework_model: Model, standard_model: Model, outcome_model: Model, indicator_model: Model) -> None:
    """Create or bring up to date each published framework (safe to run twice)."""
    for data in PUBLISHED:
        framework, _ = framework_model.objects.update_or_create(
            code=data["code"],
            defaults={
                "name": data["name"],
                "source": data["source"],
                "source_url": data["source_url"],
                "description": data["description"],
                "is_seeded": True,
            },
        )
        for s_pos, (s_code, s_title, outcomes) in enumerate(data["standards"], start=1):
            standard, _ = standard_model.objects.update_or_create(
                framework=framework, code=s_code, defaults={"title": s_title, "position": s_pos}
            )
            for o_pos, (o_code, o_title, description, *own_guidance) in enumerate(outcomes, start=1):
                outcome_model.objects.update_or_create(
                    framework=framework,
                    code=o_code,
                    defaults={
                        "standard": standard,
                        "title": o_title,
                        "description": description,
                        "guidance": own_guidance[0] if own_guidance else data.get("guidance", ""),
                        "position": o_pos,
                    },
                )
        for i_pos, (i_code, i_title, unit, higher) in enumerate(data["indicators"], start=1):
            indicator_model.objects.update_or_create(
                framework=framework,
                code=i_code,
                defaults={"title": i_title, "unit": unit, "higher_is_better": higher, "position": i_pos},
            )


def link_indicators(framework_model: Model, outcome_model: Model, indicator_model: Model) -> int:
    """Put each published indicator under its outcome (safe to run twice); returns how many moved."""
    linked = 0
    for data in PUBLISHED:
        mapping = data.get("indicator_outcomes", {})
        framework = framework_model.objects.filter(code=data["code"]).first()
        if framework is None or not mapping:
            continue
        outcomes = {o.code: o for o in outcome_model.objects.filter(framework=framework)}
        for indicator in indicator_model.objects.filter(framework=framework, code__in=list(mapping)):
            outcome = outcomes.get(mapping[indicator.code])
            if outcome is not None and indicator.outcome_id != outcome.pk:
                indicator.outcome = outcome
                indicator.save(update_fields=["outcome"])
                linked += 1
    return linked

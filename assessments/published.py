"""The published frameworks seeded into every deployment, copied from their public sources.

Only text checked against its source is here. Where a source's full text could not be checked,
only the codes and titles are seeded and `description` is left empty (an administrator can
import a fuller copy from a file). Guidance written by us, not by the publisher, says so.
"""

CHARTER_URL = "https://www.gov.scot/publications/scottish-social-housing-charter-november-2022/"
TSM_URL = "https://www.gov.uk/government/publications/tenant-satisfaction-measures-standard"
CONSUMER_URL = "https://www.gov.uk/government/collections/consumer-standards"
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
    # Annual Return on the Charter indicators, as numbered and worded in landlords' published
    # Charter report cards (2022/23). Only these three were checked; the landlord imports others.
    "indicators": [
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
    "standards": [],
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

# Guidance in our own words: the regulator's required outcomes and specific expectations are long
# and were not copied here; assessors read them at the source.
_CONSUMER_GUIDANCE = (
    "Our guidance, not the regulator's text: score how well the landlord meets this "
    "standard's required outcomes and specific expectations as the Regulator of Social "
    "Housing publishes them."
)

CONSUMER_STANDARDS = {
    "code": "consumer-standards-2024",
    "name": "Consumer Standards (England)",
    "source": "Regulator of Social Housing, consumer standards in force from 1 April 2024",
    "source_url": CONSUMER_URL,
    "description": "The four consumer standards for registered providers of social housing in England.",
    "standards": [
        ("SQ", "Safety and Quality Standard", [("SQ", "Safety and Quality Standard", "")]),
        (
            "TIA",
            "Transparency, Influence and Accountability Standard",
            [
                ("TIA", "Transparency, Influence and Accountability Standard", ""),
            ],
        ),
        ("NC", "Neighbourhood and Community Standard", [("NC", "Neighbourhood and Community Standard", "")]),
        ("TS", "Tenancy Standard", [("TS", "Tenancy Standard", "")]),
    ],
    "guidance": _CONSUMER_GUIDANCE,
    "indicators": [],
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


def seed(framework_model, standard_model, outcome_model, indicator_model):
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
            for o_pos, (o_code, o_title, description) in enumerate(outcomes, start=1):
                outcome_model.objects.update_or_create(
                    framework=framework,
                    code=o_code,
                    defaults={
                        "standard": standard,
                        "title": o_title,
                        "description": description,
                        "guidance": data.get("guidance", ""),
                        "position": o_pos,
                    },
                )
        for i_pos, (i_code, i_title, unit, higher) in enumerate(data["indicators"], start=1):
            indicator_model.objects.update_or_create(
                framework=framework,
                code=i_code,
                defaults={"title": i_title, "unit": unit, "higher_is_better": higher, "position": i_pos},
            )

"""Sample import files: the format shown on the import page, and a 96-outcome file shaped like
the Tpas accreditation framework for tests and the demo. Its wording is our own placeholder text
("Outcome 3.4 (imported from the landlord's copy)"), not Tpas's: the real text is for Tpas members,
so a landlord imports its own copy in the same shape."""

import csv
import io

import yaml

SAMPLE_CSV = """\
standard_code,standard_title,outcome_code,outcome_title,description,guidance
1,Tenant engagement approach,1.1,Tenants help shape how they are involved,"What it means.",What to look for
1,Tenant engagement approach,1.2,Tenants know how to get involved,,
2,Scrutiny,2.1,Tenants review services in depth,,"For example, a scrutiny panel's reports"
"""

SAMPLE_YAML = """framework:
  name: Our engagement standards
  source: The landlord's own copy, 2026
standards:
  - code: "1"
    title: Tenant engagement approach
    outcomes:
      - code: "1.1"
        title: Tenants help shape how they are involved
        description: What the outcome means, in full.
        guidance: What to look for
      - code: "1.2"
        title: Tenants know how to get involved
indicators:            # optional
  - code: KPI1
    title: Tenants satisfied with opportunities to take part
    unit: "%"
    higher_is_better: true
"""

STANDARDS = 8
OUTCOMES_EACH = 12  # 8 × 12 = 96, the size of the Tpas accreditation set


def ninety_six_rows() -> list[dict]:
    return [
        {
            "standard_code": str(s),
            "standard_title": f"Standard {s} (imported from the landlord's copy)",
            "outcome_code": f"{s}.{o}",
            "outcome_title": f"Outcome {s}.{o} (imported from the landlord's copy)",
            "description": "",
            "guidance": "",
        }
        for s in range(1, STANDARDS + 1)
        for o in range(1, OUTCOMES_EACH + 1)
    ]


def ninety_six_csv() -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(ninety_six_rows()[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(ninety_six_rows())
    return out.getvalue()


def ninety_six_yaml() -> str:
    standards = {}
    for row in ninety_six_rows():
        standard = standards.setdefault(
            row["standard_code"],
            {"code": row["standard_code"], "title": row["standard_title"], "outcomes": []},
        )
        standard["outcomes"].append({"code": row["outcome_code"], "title": row["outcome_title"]})
    return yaml.safe_dump(
        {"framework": {"name": "Engagement standards (sample)"}, "standards": list(standards.values())},
        sort_keys=False,
        allow_unicode=True,
    )

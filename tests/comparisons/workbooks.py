"""Workbooks laid out as the regulator's, built for tests: the 2023/24 layout by default."""

import io

from openpyxl import Workbook

NBSP, ZWSP = "\u00a0", "\u200b"

PERCEPTION_WORDS = {
    "TP01": "satisfied with the service provided by their landlord",
    "TP02": "satisfied with the overall repairs service",
    "TP03": "satisfied with the time taken to complete their most recent repair",
    "TP04": "satisfied that their landlord provides a home that is well maintained",
    "TP05": "satisfied that their landlord provides a home that is safe",
    "TP06": "satisfied that their landlord listens to their views and acts upon them",
    "TP07": "satisfied that their landlord keeps them informed",
    "TP08": "agree that their landlord treats them fairly and with respect",
    "TP09": "satisfied with their landlord's approach to complaints handling",
    "TP10": "satisfied that their landlord keeps communal areas clean",
    "TP11": "satisfied that their landlord makes a positive contribution to their neighbourhood",
    "TP12": "satisfied with their landlord's approach to handling anti-social behaviour",
}
LANDLORD_COLUMNS = ["Landlord name", "Landlord code", "Landlord type",
                    "Landlord group size (homes owned, LCRA and LCHO combined)",
                    "Landlord predominant region"]
SURVEY_COLUMNS = ["Relevant\u00a0tenant population size", "Total sample size achieved",
                   "Estimated margin of error achieved2 %", "Sample or census"]


def perception_headings(codes):
    headings = []
    for n, code in enumerate(codes):
        note = "7" if n % 3 == 0 else ""  # footnote digits, as the regulator writes them
        headings.append(f"Proportion of respondents who report that they are{NBSP}{PERCEPTION_WORDS[code]} "
                        f"({code}){note}")
        headings.append(f"Number of respondents who report that they are very satisfied{ZWSP} ({code})")
    return headings


def management_headings():
    headings = []
    for code, words in [("BS01", "gas safety checks"), ("BS02", "fire risk assessments"),
                        ("BS03", "asbestos surveys"), ("BS04", "legionella risk assessments"),
                        ("BS05", "communal passenger lift safety checks")]:
        headings.append(f"Did you own dwelling units to which this TSM applies at year end? ({code})5")
        headings.append(f"Proportion of homes for which all required {words} have been carried out ({code})5")
    headings += [
        "Number of anti-social behaviour cases, opened per 1,000 homes (NM01 1)",
        "Number of anti-social behaviour cases that involve hate incidents opened per 1,000 homes (NM01 2)",
        "Proportion of homes that do not meet the Decent Homes Standard (RP01)5",
        "Proportion of non-emergency responsive repairs completed within target timescale (RP02 1)",
        "Proportion of emergency responsive repairs completed within target timescale (RP02 2)",
    ]
    for prefix in ("LCRA", "LCHO", "Combined"):
        headings += [
            f"{prefix} - Number of stage one complaints made by tenants in the relevant stock type during "
            "the reporting year per 1,000 homes (CH01 1)",
            f"{prefix} - Proportion of stage one complaints responded to within the Housing Ombudsman’s "
            "Complaint Handling Code timescales (CH02 1)5",
            f"{prefix} - Number of stage two complaints made by tenants in the relevant stock type during "
            "the reporting year per 1,000 homes (CH01 2)",
            f"{prefix} - Proportion of stage two complaints responded to within the Housing Ombudsman’s "
            "Complaint Handling Code timescales (CH02 2)",
            f"{prefix} - Number of stage one complaints made by tenants in the relevant stock type during "
            "the reporting year (CH01 1 Numerator)",
        ]
    return headings


LCRA = ["TP01", "TP02", "TP03", "TP04", "TP05", "TP06", "TP07", "TP08", "TP09", "TP10", "TP11", "TP12"]
LCHO = ["TP01", "TP05", "TP06", "TP07", "TP08", "TP09", "TP10", "TP11", "TP12"]


def build(landlords, *, prefix="TSM24", header_row=3, drop_sheet=None, rename=None, extra_rows=(),
          edition="Version 1.1 of this dataset was published in November 2024", dictionary=()) -> bytes:
    """A workbook of `landlords`: dicts of name, code, type, size, region, sample, margin, method and
    `lcra`, `lcho`, `management` mapping a heading's code to the cell's value (missing cells are 0).

    rename=(old, new) rewrites headings; drop_sheet leaves a sheet out; extra_rows repeats landlords;
    dictionary lists (table, column heading, data field name) for a Data Dictionary sheet."""
    book = Workbook()
    intro = book.active
    intro.title = "Introduction"
    intro.append(["Tenant Satisfaction Measures 2024 - Dataset"])
    intro.append([edition])
    if dictionary:
        sheet = book.create_sheet("Data Dictionary")
        sheet.append(["Data Dictionary"])
        sheet.append(["Go back to contents"])
        sheet.append(["Table", "Column Heading", "Data Field Name"])
        for row in dictionary:
            sheet.append(list(row))
    sheets = [
        (f"{prefix}_LCRA_Perception", perception_headings(LCRA), "lcra", True),
        (f"{prefix}_LCHO_Perception", perception_headings(LCHO), "lcho", True),
        (f"{prefix}_Management_Info", management_headings(), "management", False),
    ]
    for title, measure_headings, key, survey in sheets:
        if title == drop_sheet:
            continue
        sheet = book.create_sheet(title)
        for _ in range(header_row - 1):
            sheet.append(["Notes above the table"])
        headings = LANDLORD_COLUMNS + (SURVEY_COLUMNS if survey else []) + measure_headings
        if rename:
            headings = [h.replace(*rename) for h in headings]
        sheet.append(headings)
        for landlord in [*landlords, *extra_rows]:
            cells = landlord.get(key)
            if cells is None:
                continue
            row = [landlord["name"], landlord["code"], landlord["type"], landlord["size"], landlord["region"]]
            if survey:
                row += [landlord.get("population", 5000), landlord["sample"], landlord["margin"],
                        landlord["method"]]
            for heading in measure_headings:
                row.append(_value(heading, cells))
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _value(heading, cells):
    for code, value in cells.items():
        tenure, _, measure = code.rpartition(":")
        wanted = f"({measure.replace('_', ' ')})"
        if wanted in heading and (not tenure or heading.startswith(tenure + " - ")) and \
                not heading.startswith(("Number of respondents", "Did you")):
            return value
    return 0


# Two landlords as the 2023/24 edition has them: a housing association and a council (LARP).
ALL_MI = {"BS01": 99.1, "BS02": 100, "BS03": 98, "BS04": 97, "BS05": "[Z]", "NM01_1": 31.2, "NM01_2": 0.4,
          "RP01": 2.5, "RP02_1": 81, "RP02_2": 95.5}
COMPLAINTS = {f"{t}:{m}": "[U]" for t in ("LCRA", "LCHO", "Combined")
              for m in ("CH01_1", "CH01_2", "CH02_1", "CH02_2")}
MEADOW = {
    "name": "Meadow Homes", "code": "L0001", "type": "PRP", "size": "<5,000", "region": "North West",
    "sample": 612, "margin": 3.9, "method": "Sample",
    "lcra": {"TP01": 71.3, "TP02": "[X]", "TP03": 64, "TP04": 70, "TP05": 75, "TP06": 60, "TP07": 66,
             "TP08": 77, "TP09": 30.5, "TP10": "[S]", "TP11": 58, "TP12": 55},
    "lcho": {"TP01": 48.2, "TP05": 60, "TP06": 40, "TP07": 45, "TP08": 61, "TP09": 22, "TP10": 50, "TP11": 44,
             "TP12": 41},
    "management": {**ALL_MI, **COMPLAINTS, "LCRA:CH01_1": 41.7},
}
RIVERSIDE = {
    "name": "Riverside Borough Council", "code": "17UC", "type": "LARP", "size": "5,000-40,000",
    "region": "Midlands", "sample": 1104, "margin": 2.9, "method": "Census",
    "lcra": dict.fromkeys(MEADOW["lcra"], 80),
    "management": {**ALL_MI, **COMPLAINTS, "LCRA:CH01_1": 12.25},
}

"""Charter CSVs for the tests, built row by row, and the sample file kept in the repository."""

from pathlib import Path

from django.conf import settings

HEADER = "landlord_code,landlord_name,year,indicator,part,value,unit,numerator,denominator"


def sample() -> Path:
    return Path(settings.BASE_DIR) / "comparisons" / "data" / "charter_sample.csv"


def csv_of(*rows: str, header: str = HEADER, encoding: str = "utf-8") -> bytes:
    """A CSV file's bytes: the header, then each row, with Windows line ends as Excel writes."""
    return "\r\n".join([header, *rows, ""]).encode(encoding)

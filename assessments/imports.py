"""Frameworks and yearly figures from files: CSV (UTF-8 with or without a byte-order mark, or
Windows-1252 as Excel saves it) or YAML. Every bad row is reported with its line and reason, and
nothing is saved unless the whole file is good."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from accounts.models import User
from assessments.models import Framework, Indicator, IndicatorValue, Outcome, Standard
from assessments.selectors import FIRST_YEAR, LAST_YEAR

OUTCOME_COLUMNS = [
    "standard_code",
    "standard_title",
    "outcome_code",
    "outcome_title",
    "description",
    "guidance",
]
REQUIRED_OUTCOME_COLUMNS = ["standard_code", "standard_title", "outcome_code", "outcome_title"]
FIGURE_COLUMNS = ["indicator_code", "year", "value", "target", "peer_average", "note"]
MAX_ROWS = 5000


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"Line {self.line}: {self.reason}"


class ImportFailed(Exception):
    """The file was not imported; `errors` says why, line by line."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(e) for e in errors[:5]))
        self.errors = errors


def decode(data: bytes) -> str:
    """Text from UTF-8 (a byte-order mark is dropped) or, failing that, Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise ImportFailed(
                [RowError(1, gettext("This is not a text file. Save it as CSV (UTF-8) and try again."))]
            ) from exc


def _rows(text: str, columns: list[str], required: list[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row dict) for each non-empty row of a CSV, after checking its header."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ImportFailed([RowError(line, gettext("This is not a CSV text file (it holds binary data)."))])
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as exc:
        raise ImportFailed([RowError(1, gettext(
            "The first line could not be read as CSV (%(error)s).") % {"error": exc})]) from exc
    header = [(h or "").strip().lower() for h in fieldnames]
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFailed(
            [
                RowError(
                    1,
                    gettext(
                        "The first line must name the columns; missing: %(missing)s. Expected: %(expected)s.")
                    % {"missing": ", ".join(missing), "expected": ", ".join(columns)},
                )
            ]
        )
    reader.fieldnames = header
    start = reader.line_num + 1
    try:
        for row in reader:
            values = {k: (v or "").strip() for k, v in row.items() if k}
            if any(values.values()):
                yield start, values
            start = reader.line_num + 1
    except csv.Error as exc:  # e.g. a field longer than the csv module allows
        raise ImportFailed([RowError(start, gettext(
            "This line could not be read as CSV (%(error)s).") % {"error": exc})]) from exc


def _check_length(errors: list[RowError], line: int, label: str, value: str, limit: int) -> None:
    if len(value) > limit:
        errors.append(RowError(line, gettext("%(what)s is longer than %(limit)s characters.") % {
            "what": label, "limit": limit}))


@dataclass
class ParsedFramework:
    name: str
    source: str
    standards: list[
        dict
    ]  # each {"code", "title", "outcomes": [{"code", "title", "description", "guidance"}]}
    indicators: list[dict]
    name_cy: str = ""


def parse_outcomes_csv(text: str) -> list[dict]:
    """Standards and their outcomes from CSV rows, or ImportFailed listing every bad row."""
    errors: list[RowError] = []
    standards: dict[str, dict] = {}
    outcome_lines: dict[str, int] = {}
    count = 0
    for line, row in _rows(text, OUTCOME_COLUMNS, REQUIRED_OUTCOME_COLUMNS):
        count += 1
        if count > MAX_ROWS:
            errors.append(RowError(line, gettext(
                "The file has more than %(limit)s rows.") % {"limit": MAX_ROWS}))
            break
        problems = []
        for column in REQUIRED_OUTCOME_COLUMNS:
            if not row.get(column):
                problems.append(gettext("%(column)s is empty") % {"column": column})
        code, s_code = row.get("outcome_code", ""), row.get("standard_code", "")
        if code and code in outcome_lines:
            problems.append(gettext("outcome code %(code)s is already used on line %(line)s") % {
                "code": code, "line": outcome_lines[code]})
        known = standards.get(s_code)
        if known and row.get("standard_title") and known["title"] != row["standard_title"]:
            problems.append(gettext('standard %(code)s is called "%(title)s" on line %(line)s') % {
                "code": s_code, "title": known["title"], "line": known["line"]})
        if problems:
            errors.append(RowError(line, "; ".join(problems) + "."))
            continue
        for label, key, limit in (
            (gettext("The outcome code"), "outcome_code", 30),
            (gettext("The standard code"), "standard_code", 30),
            (gettext("The outcome title"), "outcome_title", 500),
            (gettext("The standard title"), "standard_title", 300),
        ):
            _check_length(errors, line, label, row[key], limit)
        outcome_lines[code] = line
        # Welsh beside the English, when the file has it (assessments/translation.py).
        for label, key, limit in ((gettext("The outcome title in Welsh"), "outcome_title_cy", 500),
                                  (gettext("The standard title in Welsh"), "standard_title_cy", 300)):
            _check_length(errors, line, label, row.get(key, ""), limit)
        standard = standards.setdefault(
            s_code, {"code": s_code, "title": row["standard_title"], "line": line, "outcomes": [],
                     "title_cy": row.get("standard_title_cy", "")}
        )
        standard["outcomes"].append(
            {
                "code": code,
                "title": row["outcome_title"],
                "description": row.get("description", ""),
                "guidance": row.get("guidance", ""),
                "title_cy": row.get("outcome_title_cy", ""),
                "description_cy": row.get("description_cy", ""),
                "guidance_cy": row.get("guidance_cy", ""),
            }
        )
    if not errors and not standards:
        errors.append(RowError(2, gettext("The file has no outcomes under its header line.")))
    if errors:
        raise ImportFailed(errors)
    return list(standards.values())


def _yaml_line(node_marks: list[int], index: int, fallback: int) -> int:
    return node_marks[index] if index < len(node_marks) else fallback


ALIASES_REFUSED = "aliases are not allowed"


class _YamlLoader(yaml.SafeLoader):
    """Safe YAML without aliases (*name): a framework file needs none, and they let a few lines
    stand for billions of items (the "billion laughs" file), which would exhaust the server."""

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, ALIASES_REFUSED, self.peek_event().start_mark)
        return super().compose_node(parent, index)


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_YamlLoader)  # noqa: S506 (SafeLoader, and no aliases)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = gettext("This is not valid YAML.")
        if getattr(exc, "problem", "") == ALIASES_REFUSED:
            reason = gettext("The file uses a YAML alias (*name). Write each value out in full instead.")
        raise ImportFailed([RowError(mark.line + 1 if mark else 1, reason)]) from exc
    except RecursionError as exc:
        raise ImportFailed([RowError(1, gettext(
            "This is not valid YAML: it is nested too deeply."))]) from exc


def _text(errors: list[RowError], line: int, item: dict, key: str, label: str, limit: int) -> str:
    """item[key] as text, "" if missing; a list or mapping there, or text over the limit (the
    database's), is reported on the line."""
    value = item.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int, float, bool, date)):
        errors.append(RowError(line, gettext("%(what)s should be plain text, not a list or a mapping.") % {
            "what": label}))
        return ""
    text = str(value).strip()
    _check_length(errors, line, label, text, limit)
    return text


def _list(errors: list[RowError], line: int, value: Any, label: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(RowError(line, gettext("%(what)s should be a list.") % {"what": label}))
        return []
    return value


def parse_yaml(text: str) -> ParsedFramework:
    """A framework from YAML (see the import page for the layout), or ImportFailed."""
    data = _load_yaml(text)
    if not isinstance(data, dict) or not isinstance(data.get("standards"), list):
        raise ImportFailed([RowError(1, gettext("The file needs a list called standards."))])
    # Line numbers for each outcome, found by re-reading the file's "- code:" lines in order.
    code_lines = [
        i + 1 for i, text_line in enumerate(text.splitlines()) if re.match(r"\s*-\s*code\s*:", text_line)
    ]
    errors: list[RowError] = []
    standards: list[dict] = []
    seen: dict[str, int] = {}
    standard_lines: dict[str, int] = {}
    cursor = 0
    for s in data["standards"]:
        s_line = _yaml_line(code_lines, cursor, 1)
        cursor += 1
        if not isinstance(s, dict):
            errors.append(RowError(s_line, gettext("Each standard needs a code, a title and outcomes.")))
            continue
        s_code = _text(errors, s_line, s, "code", gettext("The standard code"), 30)
        s_title = _text(errors, s_line, s, "title", gettext("The standard title"), 300)
        if not s_code or not s_title:
            errors.append(RowError(s_line, gettext("The standard needs a code and a title.")))
        elif s_code in standard_lines:
            used = standard_lines[s_code]
            errors.append(RowError(s_line, gettext(
                "standard code %(code)s is already used on line %(line)s.") % {
                "code": s_code, "line": used}))
        else:
            standard_lines[s_code] = s_line
        outcomes = []
        for o in _list(errors, s_line, s.get("outcomes"), gettext("The standard's outcomes")):
            line = _yaml_line(code_lines, cursor, s_line)
            cursor += 1
            o = o if isinstance(o, dict) else {}
            code = _text(errors, line, o, "code", gettext("The outcome code"), 30)
            title = _text(errors, line, o, "title", gettext("The outcome title"), 500)
            if not code or not title:
                errors.append(RowError(line, gettext("The outcome needs a code and a title.")))
                continue
            if code in seen:
                errors.append(RowError(line, gettext(
                    "outcome code %(code)s is already used on line %(line)s.") % {
                    "code": code, "line": seen[code]}))
                continue
            seen[code] = line
            outcomes.append(
                {
                    "code": code,
                    "title": title,
                    "description": _text(errors, line, o, "description", gettext("The description"), 100_000),
                    "guidance": _text(errors, line, o, "guidance", gettext("The guidance"), 100_000),
                    "title_cy": _text(errors, line, o, "title_cy",
                                      gettext("The outcome title in Welsh"), 500),
                    "description_cy": _text(errors, line, o, "description_cy",
                                            gettext("The description in Welsh"), 100_000),
                    "guidance_cy": _text(errors, line, o, "guidance_cy",
                                         gettext("The guidance in Welsh"), 100_000),
                }
            )
        s_title_cy = _text(errors, s_line, s, "title_cy", gettext("The standard title in Welsh"), 300)
        standards.append({"code": s_code, "title": s_title, "title_cy": s_title_cy, "outcomes": outcomes})
    indicators = []
    indicator_codes: set[str] = set()
    for i, ind in enumerate(_list(errors, 1, data.get("indicators"), "indicators"), start=1):
        label = gettext("Indicator %(number)s") % {"number": i}
        ind = ind if isinstance(ind, dict) else {}
        code = _text(errors, 1, ind, "code", gettext("%(indicator)s's code") % {"indicator": label}, 30)
        title = _text(errors, 1, ind, "title", gettext("%(indicator)s's title") % {"indicator": label}, 500)
        if not code or not title:
            errors.append(RowError(1, gettext(
                "%(indicator)s needs a code and a title.") % {"indicator": label}))
            continue
        if code in indicator_codes:
            errors.append(RowError(1, gettext(
                "%(indicator)s's code %(code)s is already used by another indicator.") % {
                "indicator": label, "code": code}))
            continue
        indicator_codes.add(code)
        higher_is_better = ind.get("higher_is_better", True)
        if not isinstance(higher_is_better, bool):
            errors.append(RowError(1, gettext("%(indicator)s's higher_is_better should be true or false.") % {
                "indicator": label}))
        indicators.append(
            {
                "code": code,
                "title": title,
                "unit": _text(errors, 1, ind, "unit", gettext(
                    "%(indicator)s's unit") % {"indicator": label}, 40),
                "higher_is_better": higher_is_better is not False,
            }
        )
    if not seen and not errors:
        errors.append(RowError(1, gettext("The file has no outcomes.")))
    found = data.get("framework")
    framework = found if isinstance(found, dict) else {}
    name = _text(errors, 1, framework, "name", gettext("The framework's name"), 200)
    source = _text(errors, 1, framework, "source", gettext("The framework's source"), 300)
    name_cy = _text(errors, 1, framework, "name_cy", gettext("The framework's name in Welsh"), 200)
    if errors:
        raise ImportFailed(errors)
    return ParsedFramework(name=name, source=source, standards=standards, indicators=indicators,
                           name_cy=name_cy)


def import_framework(*, by: User, data: bytes, filename: str, name: str = "", source: str = "") -> Framework:
    """Create a framework from a CSV or YAML file, all of it or nothing."""
    from assessments.permissions import can_manage_frameworks
    from scrutiny.permissions import require

    require(can_manage_frameworks(by), gettext("Only administrators can import frameworks."))
    text = decode(data)
    if filename.lower().endswith((".yaml", ".yml")):
        parsed = parse_yaml(text)
    else:
        parsed = ParsedFramework(name="", source="", standards=parse_outcomes_csv(text), indicators=[])
    name = (name or parsed.name).strip()
    if not name:
        raise ImportFailed([RowError(1, gettext("Give the framework a name."))])
    code = slugify(name)[:60] or "framework"
    if Framework.objects.filter(code=code).exists() or Framework.objects.filter(name__iexact=name).exists():
        raise ImportFailed([RowError(1, gettext(
            'A framework called "%(name)s" already exists. Choose another name.') % {
            "name": name})])
    with transaction.atomic():
        framework = Framework.objects.create(
            code=code, name=name[:200], source=(source or parsed.source)[:300], imported_by=by,
            name_cy=parsed.name_cy[:200],
        )
        standards = Standard.objects.bulk_create(
            [
                Standard(framework=framework, code=s["code"], title=s["title"], position=i,
                         title_cy=s.get("title_cy", ""))
                for i, s in enumerate(parsed.standards, start=1)
            ]
        )
        Outcome.objects.bulk_create(
            [
                Outcome(
                    framework=framework,
                    standard=standard,
                    code=o["code"],
                    title=o["title"],
                    description=o["description"],
                    guidance=o["guidance"],
                    title_cy=o.get("title_cy", ""),
                    description_cy=o.get("description_cy", ""),
                    guidance_cy=o.get("guidance_cy", ""),
                    position=j,
                )
                for standard, s in zip(standards, parsed.standards, strict=True)
                for j, o in enumerate(s["outcomes"], start=1)
            ]
        )
        Indicator.objects.bulk_create(
            [
                Indicator(framework=framework, position=i, **ind)
                for i, ind in enumerate(parsed.indicators, start=1)
            ]
        )
    return framework


def _decimal(value: str) -> Decimal | None:
    value = value.replace(",", "").replace("%", "").strip()
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation as exc:
        raise ValueError(value) from exc
    if not number.is_finite() or abs(number) >= Decimal("1e10"):
        raise ValueError(value)
    return number


def _year(value: str) -> int:
    match = re.fullmatch(r"(\d{4})(?:\s*[/-]\s*\d{2,4})?", value.strip())
    if not match or not FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR:
        raise ValueError(value)
    return int(match.group(1))


def _shown(row: dict, column: str) -> str:
    """A value from the file as quoted in a message: a long one is cut short."""
    value = row.get(column, "")
    return value if len(value) <= 40 else value[:40] + "…"


def import_figures(*, framework: Framework, by: User, data: bytes) -> int:
    """Yearly indicator values from CSV, all rows or none; returns how many were saved."""
    from assessments.permissions import can_enter_figures
    from scrutiny.permissions import require

    require(can_enter_figures(by), gettext("Only staff can enter performance figures."))
    text = decode(data)
    indicators = {i.code.lower(): i for i in framework.indicators.all()}
    errors: list[RowError] = []
    parsed = []
    seen: dict[tuple, int] = {}
    for count, (line, row) in enumerate(_rows(text, FIGURE_COLUMNS, ["indicator_code", "year", "value"]), 1):
        if count > MAX_ROWS:
            errors.append(RowError(line, gettext(
                "The file has more than %(limit)s rows.") % {"limit": MAX_ROWS}))
            break
        problems = []
        indicator = indicators.get(row.get("indicator_code", "").lower())
        if indicator is None:
            problems.append(gettext('no indicator with code "%(code)s" in %(framework)s') % {
                "code": _shown(row, "indicator_code"), "framework": framework.name})
        try:
            year = _year(row.get("year", ""))
        except ValueError:
            problems.append(gettext(
                'year "%(year)s" should look like 2024 or 2024/25') % {"year": _shown(row, "year")})
            year = None
        numbers = {}
        for column in ("value", "target", "peer_average"):
            try:
                numbers[column] = _decimal(row.get(column, ""))
            except ValueError:
                problems.append(gettext('%(column)s "%(value)s" is not a number') % {
                    "column": column, "value": _shown(row, column)})
        if not problems and numbers["value"] is None:
            problems.append(gettext("value is empty"))
        if indicator and year and (indicator.pk, year) in seen:
            problems.append(gettext("%(code)s %(year)s is already on line %(line)s") % {
                "code": indicator.code, "year": year, "line": seen[(indicator.pk, year)]})
        if problems or indicator is None:  # no indicator is always among the problems
            errors.append(RowError(line, "; ".join(problems) + "."))
            continue
        seen[(indicator.pk, year)] = line
        parsed.append((indicator, year, numbers, row.get("note", "")))
    if not errors and not parsed:
        errors.append(RowError(2, gettext("The file has no figures under its header line.")))
    if errors:
        raise ImportFailed(errors)
    with transaction.atomic():
        for indicator, year, numbers, note in parsed:
            existing = (
                IndicatorValue.objects.select_for_update().filter(indicator=indicator, year=year).first()
            )
            if existing is None:
                IndicatorValue.objects.create(
                    indicator=indicator, year=year, note=note, updated_by=by, **numbers
                )
            else:
                for key, value in numbers.items():
                    setattr(existing, key, value)
                existing.note, existing.updated_by, existing.version = note, by, existing.version + 1
                existing.save()
    return len(parsed)

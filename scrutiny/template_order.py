"""Templates obey the apps' order as code does: no template's {% url %}, {% include %} or
{% extends %} names an app above the template's own. `make lint` runs it:

    python -m scrutiny.template_order [--root DIR]

The order is the import-linter layers contract in pyproject.toml (written once). A template in
an app's templates/ folder, or in templates/<app>/, belongs to that app; the rest of templates/
(base.html, includes/, ...) is the floor's, the lowest layer. A lower page that needs a higher
app's link or part gets it from scrutiny/extensions.py, registered by the higher app."""

import argparse
import re
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# {% url 'app:name' ... %} and {% include "app/..." %} (or extends) with a literal name.
NAMED = re.compile(r"""\{%-?\s*(url|include|extends)\s+(['"])([\w-]+)([:/])""")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    owner: str
    target: str
    tag: str

    def __str__(self) -> str:
        return (f"{self.path}:{self.line}: a template of {self.owner} names {self.target} "
                f"(an app above it) in {{% {self.tag} %}}")


def apps_order(root: Path) -> list[str]:
    """The apps, lowest first, from pyproject.toml's import-linter layers contract."""
    config = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["importlinter"]
    contract = next(c for c in config["contracts"] if c["type"] == "layers")
    return list(reversed(contract["layers"]))


def problems(root: Path) -> list[Problem]:
    """Every literal name in a template that reaches an app above the template's own."""
    order = apps_order(root)
    rank = {app: index for index, app in enumerate(order)}
    found = []
    for path, owner in _templates(root, order):
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, start=1):
            for match in NAMED.finditer(line):
                tag, target = match.group(1), match.group(3)
                if target in rank and rank[target] > rank[owner]:
                    found.append(Problem(path.relative_to(root), number, owner, target, tag))
    return found


def _templates(root: Path, order: list[str]) -> list[tuple[Path, str]]:
    """(template, the app it belongs to) for the site's and each app's templates."""
    floor = order[0]
    found = []
    for path in sorted((root / "templates").rglob("*")):
        if path.is_file():
            first = path.relative_to(root / "templates").parts[0]
            found.append((path, first if first in order else floor))
    for app in order:
        found.extend((path, app) for path in sorted((root / app / "templates").rglob("*")) if path.is_file())
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="The checkout to check.")
    root = parser.parse_args(argv).root
    found = problems(root)
    for problem in found:
        print(problem)
    print(f"Templates and the apps' order: {len(found)} problem(s).")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

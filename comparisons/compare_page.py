"""The "How we compare" page: a framework's measures beside every landlord's, in plain words,
for everyone signed in (tenants included), and at the same address for people who are not signed
in once the landlord switches it on (comparisons/public.py): then it is the same page for every
one of them, with nothing an administrator sees, kept by browsers, proxies and
scrutiny.public_cache.PublicPagesMiddleware."""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _

from assessments.models import Framework
from comparisons import public, words
from comparisons.framework_comparison import Item, compare_framework, keys_of
from comparisons.frameworks import attribution, our_code
from comparisons.models import PeerChoice, TsmImport, reporting_year_label
from comparisons.selectors import Spread
from scrutiny import charts
from scrutiny.models import SiteSettings
from scrutiny.permissions import is_admin
from scrutiny.public_cache import NO_FORM_TOKEN, etag_of, not_modified, public_headers

KEPT_SECONDS = 60 * 60


def _five(spread: Spread, lowest: Decimal | None, highest: Decimal | None) -> list[Decimal | None]:
    """Lowest, quartiles and highest, to one decimal place as the page gives them."""
    five = [lowest, spread.lower_quartile, spread.median, spread.upper_quartile, highest]
    return [None if value is None else value.quantize(words.TENTH) for value in five]


def _chart(item: Item, year_label: str) -> dict:
    """What the spread chart is drawn from (charts.spread's arguments)."""
    compared = item.comparison
    measure = compared.measure
    peer_values = [r.value for r in compared.peers if r.value is not None]
    groups = [(_("All landlords"), _five(compared.national, item.lowest, item.highest))]
    if peer_values:
        similar = _five(compared.peer_spread, min(peer_values), max(peer_values))
        groups.append((_("Similar landlords"), similar))
    own = compared.landlord.value if compared.landlord else None
    return {
        "title": _("%(measure)s, %(year)s: how the figures spread") % {
            "measure": measure.name, "year": year_label},
        "description": _(
            "Each row runs from the lowest figure to the highest; the thick part is the middle half of "
            "landlords and the dot their median. Ours is on the last row."
        ) + " " + (_("Higher is better.") if measure.higher_is_better else _("Lower is better.")),
        "groups": groups, "mark_label": _("Us"), "mark": own, "unit": "%" if measure.unit == "%" else "",
        "max_value": 100 if measure.unit == "%" else None,
    }


def _card(item: Item, year_label: str) -> dict:
    compared = item.comparison
    measure, unit = compared.measure, compared.measure.unit
    own = compared.landlord.value if compared.landlord else None
    national_words = words.standing(compared.national_position)
    in_quarter = words.quarter(compared.national_position)
    return {
        "code": item.code, "name": measure.name,
        "tenure": str(words.TENURE_WORDS.get(compared.tenure, compared.tenure)),
        "better": _("Higher is better") if measure.higher_is_better else _("Lower is better"),
        "figure": words.figure(own, unit),
        "national_words": f"{national_words}; {in_quarter}" if in_quarter else national_words,
        "peer_words": words.standing(compared.peer_position, "similar landlords"),
        "national": {k: words.figure(getattr(compared.national, k), unit)
                     for k in ("lower_quartile", "median", "upper_quartile")},
        "national_count": compared.national.count,
        "peer_median": words.figure(compared.peer_spread.median, unit),
        "peer_count": compared.peer_spread.count,
        "nearest": [(r.name, words.figure(r.value, unit)) for r in compared.nearest],
        "change": words.change(compared.change, measure),
        "caveats": compared.caveats,
        "chart": _chart(item, year_label),  # drawn when the page is, from the cache of drawings
    }


def _year_asked(request: HttpRequest) -> int | None:
    asked = request.GET.get("year", "")
    return int(asked) if asked.isdigit() else None


def _worked_out(framework_code: str, regulator_code: str, year: int | None, peer_codes: list[str]) -> dict:
    found = compare_framework(framework_code=framework_code, regulator_code=regulator_code, year=year,
                              peer_codes=peer_codes)
    label = reporting_year_label(found.year) if found.year else ""
    return {"has_landlord": found.landlord is not None, "year": found.year, "year_label": label,
            "years": [(year, reporting_year_label(year)) for year in found.years],
            "cards": [_card(item, label) for item in found.items]}


def figures_for_page(*, framework_code: str, regulator_code: str, year: int | None,
                     peer_codes: list[str]) -> dict:
    """The page's figures, kept in the cache until an import is saved (the only thing that changes
    them besides what the key already holds: the framework, our code, the year, the peers and the
    language their words are in), so that other writes, a finding logged or a sign-in, leave them kept."""
    imports = TsmImport.objects.aggregate(last=Max("pk"), saved=Max("applied_at"), count=Count("pk"))
    language = translation.get_language() or "en-gb"
    asked = repr((framework_code, regulator_code, year, peer_codes, imports, language))
    digest = hashlib.sha256(asked.encode()).hexdigest()
    key = f"comparisons:how-we-compare:{digest[:40]}"
    found = cache.get(key)
    if found is None:
        found = _worked_out(framework_code, regulator_code, year, peer_codes)
        cache.set(key, found, KEPT_SECONDS)
    return found


def how_we_compare(request: HttpRequest, code: str) -> HttpResponse:
    """A framework's measures, each beside every landlord's and similar landlords' figures: for
    everyone signed in, and for everyone else while the site switch allows."""
    if request.user.is_authenticated:
        return _drawn(request, get_object_or_404(Framework, code=code))
    if not public.is_public(code):
        return redirect_to_login(request.get_full_path())
    framework = get_object_or_404(Framework, code=code)
    version = public.version(request, code=code)
    if version is None:  # a ?year= nobody links to: drawn, not kept
        return _drawn(request, framework, NO_FORM_TOKEN)
    etag = etag_of("comparisons:how-we-compare", version)
    return not_modified(request, etag) or public_headers(_drawn(request, framework, NO_FORM_TOKEN), etag)


def _drawn(request: HttpRequest, framework: Framework, extra: dict | None = None) -> HttpResponse:
    regulator_code = our_code(framework.code, SiteSettings.load())
    peer_codes = PeerChoice.codes()
    found = figures_for_page(framework_code=framework.code, regulator_code=regulator_code,
                             year=_year_asked(request), peer_codes=peer_codes)
    cards = [{**card, "chart": charts.spread(**card["chart"])} for card in found["cards"]]
    return render(request, "comparisons/how_we_compare.html", {
        **found, "cards": cards, "framework": framework, "has_measures": bool(keys_of(framework.code)),
        "regulator_code": regulator_code, "peers_chosen": bool(peer_codes),
        "attribution": attribution(framework.code),
        "is_admin": is_admin(request.user), "signed_in": request.user.is_authenticated, **(extra or {}),
    })

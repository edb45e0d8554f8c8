"""Demo data: the public pages switched on and one completed review's report published, so a new
user sees them. Running the seed again adds nothing."""

from accounts.models import User
from opendata import public, selectors, services
from opendata.models import Publication
from reviews.models import Review
from scrutiny.models import SiteSettings

SWITCHES = (public.PROGRAMME, public.REPORTS, public.RECOMMENDATIONS, public.OPEN_DATA)


def seed(*, password: str, people: dict[str, User]) -> dict[str, User]:
    site = SiteSettings.load()
    if any(key not in site.switches for key in SWITCHES):
        site.switches = {**site.switches, **{key: True for key in SWITCHES if key not in site.switches}}
        site.save()
    admin = people.get("admin")
    review = Review.objects.filter(title="Complaints handling", stage__in=selectors.COMPLETED).first()
    if admin is not None and review is not None and not Publication.objects.filter(review=review).exists():
        services.publish(review=review, by=admin)
    return {}

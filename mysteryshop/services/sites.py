"""Adding and changing the sites visits are made to (offices, homes, hostels, services)."""


from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts.models import User
from mysteryshop import permissions as perms
from mysteryshop.bilingual import in_english, set_welsh
from mysteryshop.models import Site, SiteKind
from scrutiny.locking import claim
from scrutiny.permissions import require


def _clean(*, name: str, kind: str, address: str) -> tuple[str, str, str]:
    name, address = " ".join(name.split()), " ".join(address.split())
    if not name:
        raise ValidationError({"name": _("Give the site a name.")})
    if kind not in SiteKind.values:
        raise ValidationError({"kind": _("Choose what kind of place it is.")})
    return name, kind, address


def _save(site: Site) -> Site:
    try:
        with transaction.atomic():
            site.save()
    except IntegrityError:
        raise ValidationError({"name": _("There is already a site of this kind with this name.")}) from None
    return site


def add_site(*, by: User, name: str, kind: str, address: str = "",
             welsh: dict[str, str] | None = None) -> Site:
    """Add a site that new visits can choose; `welsh` may hold its Welsh name."""
    require(perms.can_manage_sites(by), perms.SITES_REFUSAL)
    name, kind, address = _clean(name=name, kind=kind, address=address)
    with in_english():
        site = Site(name=name, kind=kind, address=address)
        set_welsh(site, welsh)
        return _save(site)


@transaction.atomic
def change_site(*, site: Site, by: User, name: str, kind: str, address: str = "",
                version: int | None = None, welsh: dict[str, str] | None = None) -> Site:
    """Change a site's name, kind or address; refuse if someone saved it since `version`."""
    require(perms.can_manage_sites(by), perms.SITES_REFUSAL)
    name, kind, address = _clean(name=name, kind=kind, address=address)
    current = claim(site, version=version, by=by, noun=_("site"))
    with in_english():
        current.name, current.kind, current.address = name, kind, address
        set_welsh(current, welsh)
        return _save(current)


@transaction.atomic
def set_site_in_use(*, site: Site, by: User, in_use: bool) -> Site:
    """Take a site out of use (new visits cannot choose it; old visits keep it), or back into use."""
    require(perms.can_manage_sites(by), perms.SITES_REFUSAL)
    current = claim(site, version=None, by=by, noun=_("site"))
    current.is_active = in_use
    current.save(update_fields=["is_active", "version"])
    return current

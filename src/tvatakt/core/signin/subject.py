"""What log-in security holds about a person in its own tables: the links to their accounts at the city's identity
provider. (Failed log-ins and two-factor devices are answered for by the account's part, organisation.subject.)"""

from django.utils.translation import gettext_lazy as _

from tvatakt.core import subject
from tvatakt.core.signin.models import OidcIdentity

AREA = _("Logging in")


def export(person) -> list[subject.Section]:
    identities = OidcIdentity.objects.filter(person=person).order_by("pk")
    return [
        subject.section(
            "oidc_identities", _("Your accounts at the city's identity provider"), identities,
            [(_("identity provider"), lambda row: row.issuer), (_("your identifier there"), lambda row: row.subject),
             (_("linked"), lambda row: row.linked_at), (_("last used"), lambda row: row.last_used_at)],
            on_erasure=_("Deleted: the account there no longer logs in here."),
        ),
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    deleted, _rows = OidcIdentity.objects.filter(person=person).delete()
    return {"oidc_identities_deleted": deleted}


subject.register(
    subject.Part(key="signin", area=AREA, order=5, export=export, erase=erase, covers=("signin.OidcIdentity.person",))
)  # on import, from SigninConfig.ready()

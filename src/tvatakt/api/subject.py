"""The API keys a person made: their names, starts and use (never the hash). Erasure revokes them."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tvatakt.api.models import ApiToken
from tvatakt.core import subject


def export(person) -> list[subject.Section]:
    return [
        subject.section(
            "api_keys", _("Your API keys"), ApiToken.objects.filter(person=person),
            [(_("name"), lambda key: key.name), (_("start of the key"), lambda key: key.prefix),
             (_("created"), lambda key: key.created_at), (_("expires"), lambda key: key.expires_at),
             (_("last used"), lambda key: key.last_used_at), (_("revoked"), lambda key: key.revoked_at)],
            on_erasure=_("Revoked at once: a program using them is refused."),
        )
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    # Revoked, not deleted: the key's start stays answerable in the logs of what a program did with it.
    revoked = ApiToken.objects.filter(person=person, revoked_at=None).update(revoked_at=timezone.now())
    return {"keys_revoked": revoked}


subject.register(
    subject.Part(key="api", area=_("API keys"), order=90, export=export, erase=erase, covers=("api.ApiToken.person",))
)

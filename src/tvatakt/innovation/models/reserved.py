"""Short names a consultation, a hackathon or a challenge may not have: words their addresses use for pages of
their own. /hackathon/ny/ is the form for a new hackathon, so a hackathon called "ny" could never be reached."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

CONSULTATION = ("bekrafta", "moderering", "ny")
HACKATHON = ("filer", "lag", "ny", "samtycke")
CHALLENGE = ("anmal-lag", "bedomning", "bidrag", "fragor", "jury", "jury-medlemmar", "ny", "redigera", "resultat",
             "utmaningar")  # fmt: skip


@deconstructible
class NotReserved:
    message = _("This address belongs to another page. Choose another.")

    def __init__(self, words):
        self.words = tuple(words)

    def __call__(self, value: str) -> None:
        if value in self.words:
            raise ValidationError(self.message, code="reserved")

    def __eq__(self, other) -> bool:
        return isinstance(other, NotReserved) and self.words == other.words

"""Choices for the catalogue's models. The vocabularies' labels come in Swedish and English from vocab.py, so
they are chosen by the active language rather than translated in the message files."""

from django.db import models
from django.utils.functional import lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tvatakt.opendata import vocab


def _label(term: vocab.Term) -> str:
    return term.sv if (get_language() or "sv").startswith("sv") else term.en


term_label = lazy(_label, str)


def term_choices(terms: list[vocab.Term]) -> list[tuple[str, str]]:
    return [(term.code, term_label(term)) for term in terms]


FREQUENCY_CHOICES = term_choices(vocab.FREQUENCIES)
ACCESS_RIGHTS_CHOICES = term_choices(vocab.ACCESS_RIGHTS)
AVAILABILITY_CHOICES = term_choices(vocab.AVAILABILITY)
FILE_TYPE_CHOICES = [(file_type.code, file_type.label) for file_type in vocab.FILE_TYPES]
LICENCE_CHOICES = [
    (vocab.CC0, _("CC0: free for anyone to use, no conditions")),
    (vocab.CC_BY, _("CC BY 4.0: free to use, name the source")),
]


class DatasetState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLIC = "public", _("Published")

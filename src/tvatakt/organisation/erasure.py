"""Erasing a person's data when they ask (GDPR art. 17), or when an administrator does it for them.

Every app erases its own part (core.subject); what a public record needs stays, pointing at the same person row,
which is anonymised last. All in one transaction: if any part fails, nothing is changed. The erasure is logged in
an ErasureRecord that holds no erased data."""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tvatakt.core import subject
from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import ErasureRecord, Person, RoleAssignment

REASON = "erasure"  # the history's change reason: a word, never the person's


def erase_person(person: Person, *, actor: Person) -> ErasureRecord:
    """Erase `person`'s data. `actor` is the person themself or an administrator with every permission.

    Refused for the only active administrator and the only IT director: without them no one could give roles or
    erase anyone else, so a successor must be named first."""
    require(actor, "organisation.erase_person", person)
    by_self = actor is not None and actor.pk == person.pk
    with transaction.atomic():
        current = Person.objects.select_for_update().get(pk=person.pk)
        if current.erased_at:
            raise DomainError(_("This account has already been erased."))
        _refuse_the_last(current, by_self=by_self)
        counts = {part.key: part.erase(current, reason=REASON) for part in subject.parts()}
        _anonymise(current)
        return ErasureRecord.objects.create(person=current, by_self=by_self, actor=actor, counts=counts)


def _refuse_the_last(person: Person, *, by_self: bool) -> None:
    others = Person.objects.filter(is_active=True, erased_at=None).exclude(pk=person.pk)
    if person.is_superuser and person.is_active and not others.filter(is_superuser=True).exists():
        raise DomainError(
            _("You are the only administrator. Make someone else an administrator first, then erase your account.")
            if by_self
            else _("This is the only administrator. Make someone else an administrator first.")
        )
    directors = RoleAssignment.objects.active().filter(role=Role.IT_DIRECTOR)
    if directors.filter(person=person).exists() and not directors.filter(person__in=others).exists():
        raise DomainError(
            _("You are the only IT director. Give the role to someone else first, then erase your account.")
            if by_self
            else _("This is the only IT director. Give the role to someone else first.")
        )


def _anonymise(person: Person) -> None:
    """Nothing left that tells who it was. The row stays: votes, minutes and decisions point at it."""
    person.first_name = person.last_name = person.title = person.email = ""
    # A value that is unique and says nothing: no name, no address, nothing to guess from.
    person.username = f"erased-{person.pk}-{secrets.token_hex(4)}"
    person.set_unusable_password()  # also ends every session: their hash no longer matches
    person.is_active = person.is_staff = person.is_superuser = False
    person.last_login = None
    person.erased_at = timezone.now()
    person.save()
    person.groups.clear()
    person.user_permissions.clear()

"""Every change to units, organisations, clusters and roles goes through these functions."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tvatakt.core.errors import DomainError
from tvatakt.core.permissions import require
from tvatakt.organisation.models import Cluster, Organisation, Person, RoleAssignment, Unit

AMBASSADOR_EDITABLE = {"short_name", "website"}
IDENTITY_FIELDS = {"kind", "name", "org_number", "is_active"}


def unique_slug(model, text: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(text)[:70] or "x"
    slug, n = base, 2
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def organisation_update(*, actor: Person | None, organisation: Organisation, **fields) -> Organisation:
    """Change an organisation. Ambassadors may change its contact details; identity is the IT director's."""
    require(actor, "organisation.edit_organisation", organisation)
    changed = {name for name, value in fields.items() if getattr(organisation, name) != value}
    if changed & IDENTITY_FIELDS:
        require(actor, "organisation.edit_organisation_identity", organisation)
    unknown = set(fields) - AMBASSADOR_EDITABLE - IDENTITY_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(organisation, name, value)
    organisation.full_clean()
    with transaction.atomic():
        organisation.save()
    return organisation


def unit_update(*, actor: Person | None, unit: Unit, description: str, description_en: str) -> Unit:
    require(actor, "organisation.edit_unit", unit)
    unit.description, unit.description_en = description, description_en
    unit.full_clean()
    with transaction.atomic():
        unit.save()
    return unit


def cluster_update(
    *, actor: Person | None, cluster: Cluster, description: str, description_en: str, members: list[Organisation]
) -> Cluster:
    require(actor, "organisation.edit_cluster", cluster)
    cluster.description, cluster.description_en = description, description_en
    cluster.full_clean()
    with transaction.atomic():
        cluster.save()
        # The form lists only active organisations; inactive members stay until someone removes them in the admin.
        cluster.members.set([*members, *cluster.members.filter(is_active=False)])
    return cluster


def role_assign(
    *,
    actor: Person | None,
    person: Person,
    role: str,
    unit: Unit | None = None,
    organisation: Organisation | None = None,
    cluster: Cluster | None = None,
    is_deputy: bool = False,
    valid_from: datetime.date | None = None,
    valid_until: datetime.date | None = None,
) -> RoleAssignment:
    """Give `person` a role in a scope. Refuses a second ambassador for the same organisation and time."""
    require(actor, "organisation.manage_roles")
    assignment = RoleAssignment(
        person=person,
        role=role,
        unit=unit,
        organisation=organisation,
        cluster=cluster,
        is_deputy=is_deputy,
        valid_from=valid_from or timezone.localdate(),
        valid_until=valid_until,
    )
    try:
        with transaction.atomic():
            if organisation is not None:
                # Two requests for the same organisation queue here, so the overlap check in clean() holds.
                Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
            assignment.full_clean()
            assignment.save()
    except IntegrityError as exc:
        if "one_open_ambassador_per_organisation" not in str(exc) and "organisation_id" not in str(exc):
            raise
        raise DomainError({"person": _("This organisation already has an ambassador.")}) from exc
    return assignment


def role_end(
    *, actor: Person | None, assignment: RoleAssignment, last_day: datetime.date | None = None
) -> RoleAssignment | None:
    """End an assignment. By default its last day is yesterday, so a successor can start today.

    The record stays (with its history) so that who held a role when remains answerable. An
    assignment ended before it ever took effect is withdrawn instead, and None is returned.
    """
    require(actor, "organisation.manage_roles")
    if assignment.valid_until is not None and assignment.valid_until < timezone.localdate():
        raise DomainError({"valid_until": _("This role has already ended.")})
    if last_day is not None and last_day < assignment.valid_from:
        raise DomainError({"valid_until": _("The end date cannot come before the start date.")})
    last_day = last_day or timezone.localdate() - datetime.timedelta(days=1)
    with transaction.atomic():
        if last_day < assignment.valid_from:
            assignment.delete()
            return None
        assignment.valid_until = last_day
        assignment.full_clean()
        assignment.save(update_fields=["valid_until", "updated_at"])
    return assignment

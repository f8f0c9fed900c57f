"""What a signed-in person may do, as links: the account page shows this instead of hiding it."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from tvatakt.organisation import selectors as organisation_selectors
from tvatakt.organisation.choices import Role


@dataclass(frozen=True)
class Action:
    label: str
    url: str


def account_overview(*, user) -> dict:
    roles = organisation_selectors.person_roles(person=user)
    actions: list[Action] = []
    if user.has_perm("organisation.manage_roles"):
        actions.append(Action(_("Give and end roles"), reverse("organisation:role_list")))
    if user.has_perm("organisation.edit_organisation_identity"):
        actions.append(Action(_("Edit any organisation in the directory"), reverse("organisation:organisation_list")))
    for assignment in roles:
        target = assignment.scope_object
        if assignment.role == Role.AMBASSADOR and user.has_perm("organisation.edit_organisation", target):
            label = _("Edit the contact details of %(name)s") % {"name": target}
            actions.append(Action(label, reverse("organisation:organisation_edit", args=[target.slug])))
        elif assignment.role == Role.UNIT_HEAD and user.has_perm("organisation.edit_unit", target):
            label = _("Edit the description of %(name)s") % {"name": target}
            actions.append(Action(label, reverse("organisation:unit_edit", args=[target.slug])))
        elif assignment.role == Role.CLUSTER_CONVENER and user.has_perm("organisation.edit_cluster", target):
            label = _("Edit the members and description of %(name)s") % {"name": target}
            actions.append(Action(label, reverse("organisation:cluster_edit", args=[target.slug])))
    if any(assignment.role == Role.AMBASSADOR for assignment in roles):
        actions.append(
            Action(_("Report on the council’s decisions for your organisation"), reverse("council:my_adoptions"))
        )
    if user.has_perm("portfolio.create_initiative"):
        actions.append(Action(_("Start a new initiative"), reverse("portfolio:initiative_create")))
    if user.is_staff:
        actions.append(Action(_("Open the administration site"), reverse("admin:index")))
    actions.append(Action(_("Change your password"), reverse("password_change")))
    actions.append(Action(_("Manage your API keys"), reverse("api:token_list")))
    return {"roles": roles, "actions": list(dict.fromkeys(actions))}

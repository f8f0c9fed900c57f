"""The account itself: what it holds about its person (name, e-mail, roles, log-ins, two-factor devices), and how
the account's part is erased. The person row is anonymised last, by organisation.erasure, after every app's part."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from tvatakt.core import processing, subject
from tvatakt.core.audit import save_as
from tvatakt.core.processing import LegalBasis, Purpose
from tvatakt.organisation.models import Person, RoleAssignment

AREA = _("Your account")


def _account(person: Person) -> subject.Section:
    facts = [
        (_("user name"), person.username),
        (_("first name"), person.first_name),
        (_("last name"), person.last_name),
        (_("e-mail"), person.email),
        (_("job title"), person.title),
        (_("account created"), person.date_joined),
        (_("last logged in"), person.last_login),
        (_("active"), person.is_active),
        (_("may use the administration site"), person.is_staff),
        (_("administrator with all permissions"), person.is_superuser),
    ]
    return subject.section(
        "account", _("Your account"), facts, [(_("what"), lambda row: row[0]), (_("value"), lambda row: row[1])],
        on_erasure=_("The name, e-mail address, user name and job title are erased; the password stops working."),
    )  # fmt: skip


def export(person: Person) -> list[subject.Section]:
    roles = RoleAssignment.objects.filter(person=person).select_related("unit", "organisation", "cluster")
    devices = TOTPDevice.objects.filter(user=person).order_by("pk")
    logins = AccessLog.objects.filter(username=person.username).order_by("-attempt_time") if person.username else []
    admin_log = LogEntry.objects.filter(user=person).select_related("content_type").order_by("-action_time")
    return [
        _account(person),
        subject.section(
            "roles", _("Your roles"), roles,
            [(_("role"), lambda role: role.get_role_display()),
             (_("where"), lambda role: str(role.scope_object or _("the whole city"))),
             (_("deputy"), lambda role: role.is_deputy), (_("from"), lambda role: role.valid_from),
             (_("until"), lambda role: role.valid_until)],
            on_erasure=_("Your roles end today. That they were held stays, without your name: it answers who held "
                         "an office when a decision was made."),
        ),
        subject.section(
            "two_factor", _("Your apps for two-factor log-in"), devices,
            [(_("name"), lambda device: device.name), (_("set up"), lambda device: device.confirmed)],
            on_erasure=_("Deleted."),
        ),
        subject.section(
            "logins", _("Your log-ins"), logins,
            [(_("when"), lambda row: row.attempt_time), (_("logged out"), lambda row: row.logout_time),
             (_("from address"), lambda row: row.ip_address), (_("browser"), lambda row: row.user_agent)],
            on_erasure=_("Deleted."),
        ),
        subject.section(
            "admin_log", _("What you changed in the administration site"), admin_log,
            [(_("when"), lambda entry: entry.action_time),
             (_("what"), lambda entry: f"{entry.content_type.name if entry.content_type else ''}: "
                                       f"{entry.object_repr}"),
             (_("change"), lambda entry: entry.get_change_message())],
            on_erasure=_("Kept, without your name: the city must be able to tell what was changed, and by which "
                         "account."),
        ),
    ]  # fmt: skip


def erase(person: Person, *, reason: str) -> dict[str, int]:
    today = timezone.localdate()
    ended = withdrawn = 0
    # Role history is a public record (who held an office when): end the roles, never delete the record.
    for assignment in RoleAssignment.objects.filter(person=person).active(today).select_for_update():
        assignment.valid_until = today
        save_as(assignment, None, reason=reason, update_fields=["valid_until", "updated_at"])
        ended += 1
    # A role that has not begun was never held: withdrawn, as organisation.services.role_end does.
    for assignment in RoleAssignment.objects.filter(person=person, valid_from__gt=today):
        assignment._change_reason = reason[:100]
        assignment.delete()
        withdrawn += 1
    devices, _rows = TOTPDevice.objects.filter(user=person).delete()  # a secret with no use once the account is gone
    logins = 0
    if person.username:  # security logs of log-ins: private, and with no account left there is nothing to guard
        for model in (AccessLog, AccessAttempt, AccessFailureLog):
            logins += model.objects.filter(username=person.username).delete()[0]
    # Entries that others made about this account name it in their text: the text goes, the entry stays.
    about = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Person), object_id=str(person.pk))
    renamed = about.update(object_repr=str(_("Removed person")))
    return {
        "roles_ended": ended, "roles_withdrawn": withdrawn, "two_factor_deleted": devices, "logins_deleted": logins,
        "admin_log_renamed": renamed,
    }  # fmt: skip


def _kept() -> str:
    return str(_("As long as the account is used. If you ask us to erase it, only what a public record needs stays."))


def _record() -> str:
    return str(_("Kept, as the proof that we did what you asked."))


def _register() -> None:
    subject.register(
        subject.Part(
            key="organisation", area=AREA, order=0, export=export, erase=erase,
            covers=("organisation.RoleAssignment.person", "organisation.ErasureRecord.person",
                    "organisation.ErasureRecord.actor", "admin.LogEntry.user", "otp_totp.TOTPDevice.user"),
        )
    )  # fmt: skip
    processing.register(
        Purpose(
            area=AREA, name=_("Your account: logging in, your roles, and what you do here"),
            basis=LegalBasis.PUBLIC_TASK,
            data=(_("your name, e-mail address, user name and job title"), _("your roles, and when you held them"),
                  _("when and from which address you logged in")),
            whose=_("those with an account: the city's staff, council members, and residents"), retention=_kept,
        ),
        Purpose(
            area=AREA, name=_("A record that we erased your data when you asked"),
            basis=LegalBasis.LEGAL_OBLIGATION,
            data=(_("which account, when, whether you or an administrator asked, and how many things were erased "
                    "in each part of the service; never your name or e-mail address"),),
            whose=_("those whose data we have erased"), retention=_record,
        ),
    )  # fmt: skip


_register()  # on import, from OrganisationConfig.ready()

"""What the dialogue and the hackathons hold about a person with an account: ideas, supports, comments, reports,
what they did as staff or juror, and the teams registered with their account's e-mail address."""

from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tvatakt.core import subject
from tvatakt.innovation.choices import IdeaState
from tvatakt.innovation.models import Comment, Consultation, Hackathon, Idea, Juror, Report, Support, Team, TeamMember


def _teams(person):
    if not person.email:
        return Team.objects.none()
    return Team.objects.filter(contact_email__iexact=person.email, erased_at=None).select_related("hackathon")


def idea_export(idea: Idea) -> dict:
    """Everything kept about one idea's giver, for the idea's own link (no account needed)."""
    return {
        "consultation": idea.consultation.title, "title": idea.title, "idea": idea.body, "state": idea.state,
        "given_at": idea.created_at.isoformat(), "confirmed_at": idea.confirmed_at.isoformat()
        if idea.confirmed_at else None, "name_shown": idea.author_name, "email": idea.email, "who": idea.kind,
        "age_group": idea.age_group, "district": str(idea.district) if idea.district else None,
        "supports": idea.supports, "answer": idea.outcome_text,
    }  # fmt: skip


def export(person) -> list[subject.Section]:
    ideas = Idea.objects.filter(author=person).select_related("consultation", "district")
    title = (_("idea"), lambda row: row.idea.title)
    staff_ideas = Idea.objects.filter(entered_by=person) | Idea.objects.filter(hidden_by=person)
    staff_ideas = (staff_ideas | Idea.objects.filter(answered_by=person)).distinct().order_by("-created_at", "pk")
    return [
        subject.section(
            "ideas", _("Your ideas"), ideas,
            [(_("consultation"), lambda idea: idea.consultation.display_title), (_("title"), lambda idea: idea.title),
             (_("the idea"), lambda idea: idea.body), (_("state"), lambda idea: idea.get_state_display()),
             (_("given"), lambda idea: idea.created_at), (_("name shown"), lambda idea: idea.author_name),
             (_("e-mail"), lambda idea: idea.email), (_("who you are"), lambda idea: idea.get_kind_display()),
             (_("age group"), lambda idea: idea.get_age_group_display()),
             (_("part of the city"), lambda idea: str(idea.district or ""))],
            on_erasure=_("A published idea stays, as what the city was told and answered, without your name or "
                         "e-mail address. An idea never published is deleted."),
        ),
        subject.section(
            "supports", _("Ideas you support"), Support.objects.filter(person=person).select_related("idea"),
            [title, (_("given"), lambda row: row.created_at)],
            on_erasure=_("Deleted, and taken off the ideas' counts: what you support is yours alone."),
        ),
        subject.section(
            "comments", _("Your comments"), Comment.objects.filter(author=person).select_related("idea"),
            [title, (_("comment"), lambda row: row.body), (_("written"), lambda row: row.created_at),
             (_("why hidden"), lambda row: row.hidden_reason)],
            on_erasure=_("Kept on the idea, without your name: others have answered them."),
        ),
        subject.section(
            "reports", _("What you reported to moderation"), Report.objects.filter(reporter=person).select_related(
                "idea"),
            [title, (_("why"), lambda row: row.reason), (_("reported"), lambda row: row.created_at)],
            on_erasure=_("The report stays for moderation; that it was you is erased."),
        ),
        subject.section(
            "staff_ideas", _("Ideas you entered for someone, hid or answered"), staff_ideas,
            [(_("idea"), lambda idea: idea.title), (_("given"), lambda idea: idea.created_at),
             (_("entered by you"), lambda idea: idea.entered_by_id == person.pk),
             (_("hidden by you"), lambda idea: idea.hidden_by_id == person.pk),
             (_("answered by you"), lambda idea: idea.answered_by_id == person.pk)],
            on_erasure=_("Kept, without your name: the city's work."),
        ),
        subject.section(
            "reports_handled", _("Reports you handled"), Report.objects.filter(handled_by=person).select_related(
                "idea"),
            [title, (_("handled"), lambda row: row.handled_at)],
            on_erasure=_("Kept, without your name: the city's work."),
        ),
        subject.section(
            "organised", _("Consultations and hackathons you started"),
            [*Consultation.objects.filter(created_by=person), *Hackathon.objects.filter(created_by=person)],
            [(_("title"), lambda row: row.display_title), (_("created"), lambda row: row.created_at)],
            on_erasure=_("Kept, without your name: the city's work."),
        ),
        subject.section(
            "juries", _("Hackathon juries you sit on"), Juror.objects.filter(person=person).select_related(
                "hackathon"),
            [(_("hackathon"), lambda row: row.hackathon.display_title)],
            on_erasure=_("Kept, without your name: who judged is part of the results."),
        ),
        subject.section(
            "teams", _("Teams registered with your e-mail address"),
            _teams(person).annotate(member_count=Count("members")),
            [(_("hackathon"), lambda team: team.hackathon.display_title), (_("team name"), lambda team: team.name),
             (_("contact person"), lambda team: team.contact_name),
             (_("contact e-mail"), lambda team: team.contact_email), (_("members"), lambda team: team.member_count)],
            on_erasure=_("When the hackathon is over, the people in the team are erased at once; the team's name and "
                         "what it handed in stay. While it runs, the team needs its contact: the team is erased as "
                         "every team is, after the hackathon."),
        ),
    ]  # fmt: skip


def erase(person, *, reason: str) -> dict[str, int]:
    now = timezone.now()
    # What you support is a political opinion and no public record: the rows go, and the ideas' counts with them.
    supported = list(Support.objects.filter(person=person).values_list("idea_id", flat=True))
    with transaction.atomic():
        Support.objects.filter(person=person).delete()
        Idea.objects.filter(pk__in=supported).update(supports=F("supports") - 1)
        # An idea never published was never a record of anything; a published one is what the city was told.
        unpublished, _rows = Idea.objects.filter(author=person, state=IdeaState.PENDING).delete()
        ideas = Idea.objects.filter(author=person).update(author_name="", email="")
        reports = Report.objects.filter(reporter=person).update(reporter=None)  # who reported is theirs alone
        ended = list(_teams(person).filter(hackathon__ends_at__lt=now).values_list("pk", flat=True))
        TeamMember.objects.filter(team__in=ended).update(
            name="", affiliation="", guardian_name="", guardian_email="", consent_version="", consent_given_at=None
        )  # the same as services.erase_teams
        Team.objects.filter(pk__in=ended).update(contact_name="", contact_email="", answers={}, erased_at=now)
    return {
        "supports_deleted": len(supported), "unpublished_ideas_deleted": unpublished, "ideas_kept_without_name": ideas,
        "reports_unlinked": reports, "comments_kept": Comment.objects.filter(author=person).count(),
        "teams_erased": len(ended),
    }  # fmt: skip


subject.register(
    subject.Part(
        key="innovation", area=_("Dialogue and hackathons"), order=70, export=export, erase=erase,
        covers=("innovation.Idea.author", "innovation.Idea.entered_by", "innovation.Idea.hidden_by",
                "innovation.Idea.answered_by", "innovation.Support.person", "innovation.Comment.author",
                "innovation.Report.reporter", "innovation.Report.handled_by", "innovation.Consultation.created_by",
                "innovation.Hackathon.created_by", "innovation.Juror.person"),
    )
)  # fmt: skip

"""Load the demo cluster forum: three clusters' meetings, their members' threads, and their proposals to the council.

Everything goes through the forum's services, done by someone with the right: members post, the convener calls
meetings, hides a post and raises proposals, and the council's secretary schedules one proposal on a planned
council meeting and declines another. Dates are relative to the day the demo is loaded, and each post is dated on
its own day. People are the demo's: the cluster's convener and people with roles in its organisations.

Idempotent: once the demo proposals are on record, a second load adds nothing.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from tvatakt.council.choices import ItemKind
from tvatakt.council.models import Post, Proposal, Thread
from tvatakt.council.selectors import planned_meetings
from tvatakt.council.services import forum as services
from tvatakt.demo.portfolio import _dated_history
from tvatakt.organisation.models import Cluster, Person


@dataclass(frozen=True)
class MeetingPlan:
    days: int  # from today: negative in the past
    place: str
    agenda: str


@dataclass(frozen=True)
class ThreadPlan:
    title: str
    posts: tuple[tuple[str, int, str], ...]  # (user name, days from today, text)
    hidden: tuple[int, str] | None = None  # (which post, the convener's reason)


@dataclass(frozen=True)
class ProposalPlan:
    days: int
    title: str
    title_en: str
    background: str
    background_en: str
    outcome: str = ""  # "", "scheduled" or a reason for declining


@dataclass(frozen=True)
class ForumPlan:
    cluster: str
    convener: str
    meetings: tuple[MeetingPlan, ...]
    threads: tuple[ThreadPlan, ...]
    proposals: tuple[ProposalPlan, ...]


FORUMS = [
    ForumPlan(
        "teknik-och-infrastruktur",
        "sammankallande",
        (
            MeetingPlan(-41, "Stokab, Hälsingegatan", "Vi går igenom hur vi delar kartor över ledningar i marken."),
            MeetingPlan(-13, "Digitalt möte", "Läget för sensorer i vatten och trafik. Vad kan vi dela?"),
            MeetingPlan(16, "Trafikkontoret, Fleminggatan", "Förslaget till rådet om en gemensam karta. Nästa steg."),
        ),
        (
            ThreadPlan(
                "Karta över ledningar i marken",
                (
                    ("amb-ab-stokab", -50, "Vi gräver ofta där någon annan nyss har grävt. Kan vi dela våra kartor?"),
                    (
                        "amb-stockholm-vatten-och-avfall-ab",
                        -48,
                        "Ja! Våra kartor finns här: https://intranat.stockholm.example/kartor/va",
                    ),
                    ("amb-trafikkontoret", -45, "Bra idé. Vi tar upp det på nästa möte."),
                ),
            ),
            ThreadPlan(
                "Sensorer i trafiken",
                (
                    ("amb-trafikkontoret", -20, "Vi testar sensorer som räknar cyklar. Vill någon vara med?"),
                    ("amb-stockholms-hamn-ab", -18, "Vi vill gärna testa i hamnen. Ring mig på 070-123 45 67."),
                    ("ledamot-lund", -17, "Bra. Vi kan visa resultatet för rådet i vår."),
                ),
                hidden=(1, "Inlägget hade ett privat telefonnummer. Skicka det i ett mejl i stället."),
            ),
        ),
        (
            ProposalPlan(
                -10,
                "Gemensam karta över ledningar i marken",
                "A shared map of pipes and cables underground",
                "Flera bolag och förvaltningar gräver i samma gator. Vi vill ha en karta som alla kan se. Då "
                "kan vi gräva en gång i stället för tre.",
                "Several companies and administrations dig in the same streets. We want one map that everyone can "
                "see, so that we dig once instead of three times.",
                outcome="scheduled",
            ),
        ),
    ),
    ForumPlan(
        "skola-och-forskola",
        "kluster-skola-och-forskola",
        (
            MeetingPlan(-27, "Utbildningsförvaltningen, Hantverkargatan", "Hur loggar eleverna in? Vad fungerar bra?"),
            MeetingPlan(23, "Digitalt möte", "Vi går igenom svaren från skolorna."),
        ),
        (
            ThreadPlan(
                "Inloggning för de yngsta eleverna",
                (
                    ("ambassador", -30, "Små barn har svårt med lösenord. Hur gör ni i era förskolor?"),
                    ("amb-bromma-stadsdelsforvaltning", -29, "Vi använder bilder i stället för ord. Det går bra."),
                    ("radsledamot", -26, "Kan vi göra samma sak i hela staden? Jag tar gärna upp det i rådet."),
                ),
            ),
        ),
        (
            ProposalPlan(
                -6,
                "Ett konto för eleven från förskola till gymnasium",
                "One account for each pupil from preschool to upper secondary school",
                "I dag får eleven ett nytt konto när hen byter skola. Det blir fel och tar tid. Vi föreslår ett "
                "konto som följer eleven hela vägen.",
                "Today a pupil gets a new account when they change school. It causes errors and takes time. We propose "
                "one account that follows the pupil all the way.",
            ),
        ),
    ),
    ForumPlan(
        "valfard-och-omsorg",
        "kluster-valfard-och-omsorg",
        (
            MeetingPlan(
                -34, "Socialförvaltningen, Swedenborgsgatan", "Vi pratar om scheman i hemtjänsten. Vad behöver vi?"
            ),
        ),
        (
            ThreadPlan(
                "Scheman i hemtjänsten",
                (
                    ("amb-aldreforvaltningen", -38, "Våra scheman görs fortfarande på papper. Hur gör ni?"),
                    ("amb-socialforvaltningen", -37, "Vi har samma problem. Ska vi be rådet om hjälp?"),
                ),
            ),
        ),
        (
            ProposalPlan(
                -30,
                "En egen app för hemtjänstens scheman",
                "An app of our own for home care schedules",
                "Hemtjänsten behöver ett bättre sätt att planera. Vi föreslår att klustret bygger en egen app.",
                "Home care needs a better way to plan. We propose that the cluster builds an app of its own.",
                outcome="Staden köper redan ett gemensamt system för scheman. Använd det. Ta gärna upp era krav "
                "med projektet.",
            ),
        ),
    ),
]


def load_demo_forum() -> int:
    """The three clusters' forums. Returns how many proposals were added."""
    titles = [proposal.title for forum in FORUMS for proposal in forum.proposals]
    if Proposal.objects.filter(title__in=titles).exists():
        return 0
    usernames = {"sekreterare", *(forum.convener for forum in FORUMS)}
    usernames |= {post[0] for forum in FORUMS for thread in forum.threads for post in thread.posts}
    people = {person.username: person for person in Person.objects.filter(username__in=usernames)}
    clusters = {cluster.slug: cluster for cluster in Cluster.objects.filter(slug__in=[f.cluster for f in FORUMS])}
    meeting = planned_meetings().first()
    added = 0
    with _dated_history() as clock:
        for forum in FORUMS:
            cluster, convener = clusters[forum.cluster], people[forum.convener]
            for plan in forum.meetings:
                starts = _moment(plan.days, 9)
                services.cluster_meeting_schedule(
                    actor=convener, cluster=cluster, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2),
                    place=plan.place, agenda=plan.agenda,
                )  # fmt: skip
            for plan in forum.threads:
                _discuss(cluster, convener, plan, people)
            for plan in forum.proposals:
                clock.at(_day(plan.days))
                proposal = services.proposal_raise(
                    actor=convener, cluster=cluster, title=plan.title, title_en=plan.title_en,
                    background=plan.background, background_en=plan.background_en,
                )  # fmt: skip
                Proposal.objects.filter(pk=proposal.pk).update(created_at=_moment(plan.days, 10))
                added += 1
                if not plan.outcome:
                    continue
                clock.at(_day(plan.days + 3))
                if plan.outcome == "scheduled" and meeting:
                    services.proposal_schedule(
                        actor=people["sekreterare"], proposal=proposal, meeting=meeting, kind=ItemKind.DECISION
                    )
                elif plan.outcome != "scheduled":
                    services.proposal_decline(actor=people["sekreterare"], proposal=proposal, reason=plan.outcome)
                Proposal.objects.filter(pk=proposal.pk).update(decided_at=_moment(plan.days + 3, 14))
        clock.at(None)
    return added


def _discuss(cluster: Cluster, convener: Person, plan: ThreadPlan, people: dict[str, Person]) -> None:
    (first_author, first_day, first_text), *replies = plan.posts
    thread = services.thread_start(actor=people[first_author], cluster=cluster, title=plan.title, body=first_text)
    posts = [thread.posts.get()]
    for username, _days, text in replies:
        posts.append(services.post_reply(actor=people[username], thread=thread, body=text))
    # The services date everything now; in the demo's past each post came on its own day.
    for post, (_username, days, _text) in zip(posts, plan.posts, strict=True):
        Post.objects.filter(pk=post.pk).update(created_at=_moment(days, 8 + len(post.body) % 9))
    Thread.objects.filter(pk=thread.pk).update(
        created_at=_moment(first_day, 8), last_activity=_moment(plan.posts[-1][1], 8 + len(posts[-1].body) % 9)
    )
    if plan.hidden:
        index, reason = plan.hidden
        services.post_hide(actor=convener, post=posts[index], reason=reason)
        Post.objects.filter(pk=posts[index].pk).update(hidden_at=_moment(plan.posts[index][1] + 1, 9))


def _day(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def _moment(days: int, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(_day(days), datetime.time(hour)))

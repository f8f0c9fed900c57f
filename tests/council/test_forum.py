"""The cluster forum: membership, threads and replies, the convener's moderation, meetings and proposals, and the
secretary's scheduling of proposals onto the council's agenda."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from tvatakt.council import services as council_services
from tvatakt.council.models import AgendaItem, ClusterMeeting, Council, Post, Proposal, Thread
from tvatakt.council.services import forum as services
from tvatakt.organisation.models import Cluster, Organisation, RoleAssignment

pytestmark = pytest.mark.django_db

SLUG = "teknik-och-infrastruktur"  # convener: sammankallande; Stokab's ambassador and Trafikkontoret's member are in
FORUM = f"/en/radet/kluster/{SLUG}/"  # English pages: the messages below are the English source


@pytest.fixture
def cluster():
    return Cluster.objects.get(slug=SLUG)


@pytest.fixture
def thread(cluster, person):
    return services.thread_start(
        actor=person("amb-ab-stokab"), cluster=cluster, title="Delade kartor", body="Ska vi dela kartorna?"
    )


@pytest.fixture
def proposal(cluster, person):
    return services.proposal_raise(
        actor=person("sammankallande"), cluster=cluster, title="Gemensam ledningskarta",
        background="Vi gräver i samma gator.", title_en="A shared utility map",
    )  # fmt: skip


@pytest.fixture
def planned(person):
    council = Council.objects.get(slug="digitaliseringsradet")
    starts = timezone.now() + datetime.timedelta(days=20)
    return council_services.meeting_schedule(
        actor=person("sekreterare"), council=council, starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2), place="Stadshuset",
    )  # fmt: skip


def counts() -> tuple[int, ...]:
    return (
        Thread.objects.count(),
        Post.objects.count(),
        ClusterMeeting.objects.count(),
        Proposal.objects.count(),
        AgendaItem.objects.count(),
    )


# -- Membership --------------------------------------------------------------------------------------------


def test_members_are_people_with_a_role_in_the_clusters_organisations_or_in_the_cluster_itself(cluster, person):
    assert person("amb-ab-stokab").has_perm("council.post_in_forum", cluster)  # ambassador of a member
    assert person("ledamot-lund").has_perm("council.post_in_forum", cluster)  # council member for Trafikkontoret
    assert person("sammankallande").has_perm("council.read_forum", cluster)  # the convener
    assert person("admin").has_perm("council.read_forum", cluster)  # a superuser
    skola = Cluster.objects.get(slug="skola-och-forskola")
    assert person("radsledamot").has_perm("council.read_forum", skola)  # council member for the cluster
    assert not person("radsledamot").has_perm("council.read_forum", cluster)
    assert not person("ambassador").has_perm("council.read_forum", cluster)  # Utbildningsförvaltningen
    assert not person("sekreterare").has_perm("council.read_forum", cluster)
    assert not person("medborgare").has_perm("council.read_forum", cluster)


def test_an_ended_role_or_an_inactive_organisation_ends_membership(cluster, person):
    RoleAssignment.objects.filter(person__username="ledamot-lund").update(
        valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert not person("ledamot-lund").has_perm("council.read_forum", cluster)
    Organisation.objects.filter(name="AB Stokab").update(is_active=False)
    assert not person("amb-ab-stokab").has_perm("council.read_forum", Cluster.objects.get(slug=SLUG))


def test_only_the_clusters_own_convener_moderates_schedules_and_raises(cluster, person):
    convener, member = person("sammankallande"), person("amb-ab-stokab")
    other_convener = person("kluster-skola-och-forskola")
    for perm in ("moderate_forum", "schedule_cluster_meeting", "raise_proposal"):
        assert convener.has_perm(f"council.{perm}", cluster)
        assert not member.has_perm(f"council.{perm}", cluster)
        assert not other_convener.has_perm(f"council.{perm}", cluster)


# -- Threads and replies -----------------------------------------------------------------------------------


def test_a_member_starts_a_thread_and_a_reply_moves_it_to_the_top(cluster, person, thread):
    older = services.thread_start(actor=person("ledamot-lund"), cluster=cluster, title="Sensorer", body="Vem vill?")
    assert Thread.objects.filter(cluster=cluster).first() == older
    reply = services.post_reply(actor=person("ledamot-lund"), thread=thread, body="  Ja, gärna.\n")
    thread.refresh_from_db()
    assert reply.body == "Ja, gärna." and thread.last_activity == reply.created_at
    assert Thread.objects.filter(cluster=cluster).first() == thread
    assert list(thread.posts.values_list("author__username", flat=True)) == ["amb-ab-stokab", "ledamot-lund"]


def test_people_outside_the_cluster_can_neither_start_nor_reply(cluster, person, thread):
    before = counts()
    with pytest.raises(PermissionDenied):
        services.thread_start(actor=person("ambassador"), cluster=cluster, title="Hej", body="Hej")
    with pytest.raises(PermissionDenied):
        services.post_reply(actor=person("ambassador"), thread=thread, body="Hej")
    assert counts() == before


def test_a_blank_title_or_text_is_refused_next_to_its_field_and_nothing_is_saved(cluster, person, thread):
    before = counts()
    with pytest.raises(ValidationError) as refused:
        services.thread_start(actor=person("amb-ab-stokab"), cluster=cluster, title="  ", body="\n\t ")
    assert set(refused.value.message_dict) == {"title", "body"}
    with pytest.raises(ValidationError) as refused:
        services.post_reply(actor=person("amb-ab-stokab"), thread=thread, body="   ")
    assert set(refused.value.message_dict) == {"body"}
    with pytest.raises(ValidationError) as refused:
        services.post_reply(actor=person("amb-ab-stokab"), thread=thread, body="x" * 5001)
    assert set(refused.value.message_dict) == {"body"}
    with pytest.raises(ValidationError) as refused:
        services.thread_start(actor=person("amb-ab-stokab"), cluster=cluster, title="t" * 201, body="Hej")
    assert set(refused.value.message_dict) == {"title"}
    assert counts() == before


# -- Moderation --------------------------------------------------------------------------------------------


def test_the_convener_hides_a_post_with_a_reason_and_its_text_is_kept(person, thread):
    post = thread.posts.get()
    hidden = services.post_hide(actor=person("sammankallande"), post=post, reason=" Personuppgifter. ")
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_by == person("sammankallande") and post.hidden_reason == "Personuppgifter."
    assert post.body == "Ska vi dela kartorna?" and hidden.pk == post.pk
    with pytest.raises(ValidationError, match="Sara Öberg has already hidden it"):
        services.post_hide(actor=person("sammankallande"), post=post, reason="Igen")
    post.refresh_from_db()
    assert post.hidden_reason == "Personuppgifter."


@pytest.mark.parametrize("username", ["amb-ab-stokab", "kluster-skola-och-forskola", "sekreterare"])
def test_only_the_clusters_convener_hides(person, thread, username):
    post = thread.posts.get()
    with pytest.raises(PermissionDenied):
        services.post_hide(actor=person(username), post=post, reason="Nej")
    with pytest.raises(PermissionDenied):
        services.thread_hide(actor=person(username), thread=thread, reason="Nej")
    post.refresh_from_db()
    thread.refresh_from_db()
    assert not post.is_hidden and not thread.is_hidden


def test_hiding_needs_a_reason(person, thread):
    post = thread.posts.get()
    for reason in ("", "  \n", "x" * 301):
        with pytest.raises(ValidationError) as refused:
            services.post_hide(actor=person("sammankallande"), post=post, reason=reason)
        assert set(refused.value.message_dict) == {"reason"}
        with pytest.raises(ValidationError):
            services.thread_hide(actor=person("sammankallande"), thread=thread, reason=reason)
    post.refresh_from_db()
    thread.refresh_from_db()
    assert not post.is_hidden and not thread.is_hidden


def test_the_database_refuses_a_hidden_post_without_a_reason_whichever_door(person, thread):
    with pytest.raises(IntegrityError), transaction.atomic():
        Post.objects.filter(thread=thread).update(hidden_at=timezone.now(), hidden_by=person("sammankallande"))


def test_a_hidden_thread_takes_no_more_replies(person, thread):
    services.thread_hide(actor=person("sammankallande"), thread=thread, reason="Fel forum.")
    before = counts()
    with pytest.raises(ValidationError, match="takes no more replies"):
        services.post_reply(actor=person("amb-ab-stokab"), thread=thread, body="Men?")
    assert counts() == before


# -- Cluster meetings and proposals ------------------------------------------------------------------------


def test_only_the_convener_schedules_a_cluster_meeting_and_it_ends_after_it_starts(cluster, person):
    starts = timezone.now() + datetime.timedelta(days=3)
    fields = {"cluster": cluster, "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=1), "place": "P"}
    before = counts()
    with pytest.raises(PermissionDenied):
        services.cluster_meeting_schedule(actor=person("amb-ab-stokab"), **fields)
    with pytest.raises(ValidationError) as refused:
        services.cluster_meeting_schedule(actor=person("sammankallande"), **(fields | {"ends_at": starts}))
    assert set(refused.value.message_dict) == {"ends_at"}
    assert counts() == before
    meeting = services.cluster_meeting_schedule(actor=person("sammankallande"), agenda="Kartor.", **fields)
    assert meeting.created_by == person("sammankallande") and meeting.agenda == "Kartor."


def test_the_clusters_meetings_are_a_calendar_feed_that_parses_back(cluster, person):
    import icalendar

    starts = timezone.now() + datetime.timedelta(days=3)
    meeting = services.cluster_meeting_schedule(
        actor=person("sammankallande"), cluster=cluster, starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1), place="Kontor 3", agenda="Öppna kartor.",
    )  # fmt: skip
    response = Client().get(f"/en/radet/kluster/{cluster.slug}/moten.ics")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    events = {str(e["uid"]): e for e in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}
    event = events[f"cluster-meeting-{meeting.pk}@tvatakt"]
    assert event["location"] == "Kontor 3" and event["description"] == "Öppna kartor."
    assert event.decoded("dtstart") == starts.replace(microsecond=0)


def test_only_the_convener_raises_a_proposal_and_it_needs_a_title_and_a_background(cluster, person):
    before = counts()
    with pytest.raises(PermissionDenied):
        services.proposal_raise(actor=person("amb-ab-stokab"), cluster=cluster, title="T", background="B")
    with pytest.raises(ValidationError) as refused:
        services.proposal_raise(actor=person("sammankallande"), cluster=cluster, title=" ", background="")
    assert set(refused.value.message_dict) == {"title", "background"}
    assert counts() == before


def test_the_secretary_schedules_a_proposal_as_an_agenda_item_raised_by_the_proposer(proposal, planned, person):
    scheduled = services.proposal_schedule(
        actor=person("sekreterare"), proposal=proposal, meeting=planned, kind="decision"
    )
    item = planned.items.get()
    assert scheduled.state == "scheduled" and scheduled.agenda_item == item
    assert scheduled.decided_by == person("sekreterare") and scheduled.decided_at is not None
    assert (item.title, item.title_en, item.background, item.kind) == (
        "Gemensam ledningskarta", "A shared utility map", "Vi gräver i samma gator.", "decision",
    )  # fmt: skip
    assert item.raised_by == person("sammankallande") and item.proposal == scheduled
    assert proposal.history.count() == 2


def test_a_second_secretary_acting_on_the_same_proposal_is_told_who_got_there_first(proposal, planned, person):
    services.proposal_schedule(actor=person("sekreterare"), proposal=proposal, meeting=planned, kind="decision")
    before = counts()
    stale = Proposal.objects.get(pk=proposal.pk)
    stale.state = "submitted"  # what the second secretary's page still showed
    with pytest.raises(ValidationError, match="Elin Sandberg has already dealt with this proposal"):
        services.proposal_schedule(actor=person("admin"), proposal=stale, meeting=planned, kind="decision")
    with pytest.raises(ValidationError, match="already dealt with"):
        services.proposal_decline(actor=person("admin"), proposal=stale, reason="Nej")
    assert counts() == before
    assert Proposal.objects.get(pk=proposal.pk).decided_by == person("sekreterare")


def test_a_proposal_goes_only_on_a_meeting_not_yet_held(proposal, person):
    council = Council.objects.get(slug="digitaliseringsradet")
    starts = timezone.now() - datetime.timedelta(days=2)
    held = council_services.meeting_schedule(
        actor=person("sekreterare"), council=council, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1),
        place="P",
    )  # fmt: skip
    council_services.meeting_mark_held(actor=person("sekreterare"), meeting=held)
    before = counts()
    with pytest.raises(ValidationError) as refused:
        services.proposal_schedule(actor=person("sekreterare"), proposal=proposal, meeting=held, kind="decision")
    assert set(refused.value.message_dict) == {"meeting"}
    assert counts() == before and Proposal.objects.get(pk=proposal.pk).state == "submitted"


@pytest.mark.parametrize("username", ["sammankallande", "amb-ab-stokab", "radsordforande"])
def test_only_the_secretary_schedules_or_declines(proposal, planned, person, username):
    before = counts()
    with pytest.raises(PermissionDenied):
        services.proposal_schedule(actor=person(username), proposal=proposal, meeting=planned, kind="decision")
    with pytest.raises(PermissionDenied):
        services.proposal_decline(actor=person(username), proposal=proposal, reason="Nej")
    assert counts() == before and Proposal.objects.get(pk=proposal.pk).state == "submitted"


def test_declining_needs_a_reason_that_is_kept(proposal, person):
    with pytest.raises(ValidationError) as refused:
        services.proposal_decline(actor=person("sekreterare"), proposal=proposal, reason="  ")
    assert set(refused.value.message_dict) == {"reason"}
    assert Proposal.objects.get(pk=proposal.pk).state == "submitted"
    declined = services.proposal_decline(actor=person("sekreterare"), proposal=proposal, reason="Finns redan.")
    assert (declined.state, declined.decline_reason, declined.agenda_item) == ("declined", "Finns redan.", None)


def test_the_database_keeps_a_proposals_state_and_its_agenda_item_together(proposal):
    with pytest.raises(IntegrityError), transaction.atomic():
        Proposal.objects.filter(pk=proposal.pk).update(state="declined")


# -- Pages -------------------------------------------------------------------------------------------------


def test_the_forum_page_is_public_but_the_threads_are_for_members(client_as, thread, proposal, cluster, person):
    services.cluster_meeting_schedule(
        actor=person("sammankallande"), cluster=cluster, starts_at=timezone.now() + datetime.timedelta(days=2),
        ends_at=timezone.now() + datetime.timedelta(days=2, hours=1), place="Stokabs hus",
    )  # fmt: skip
    public = Client().get(FORUM).content.decode()
    assert "Stokabs hus" in public and "A shared utility map" in public
    assert "Delade kartor" not in public and "Log in to take part" in public
    assert "Delade kartor" not in client_as("ambassador").get(FORUM).content.decode()
    member = client_as("amb-ab-stokab").get(FORUM).content.decode()
    assert "Delade kartor" in member and "Start a thread" in member and "Raise a proposal" not in member
    assert "Raise a proposal" in client_as("sammankallande").get(FORUM).content.decode()
    assert FORUM in Client().get(cluster.get_absolute_url()).content.decode()


def test_anonymous_visitors_are_sent_to_log_in_and_outsiders_are_refused(client_as, thread):
    url = thread.get_absolute_url()
    response = Client().get(url)
    assert response.status_code == 302 and "/logga-in/?next=" in response["Location"]
    outsider = client_as("ambassador")
    before = counts()
    assert outsider.get(url).status_code == 403
    assert outsider.post(url, {"body": "Hej"}).status_code == 403
    assert outsider.post(f"{FORUM}ny-trad/", {"title": "T", "body": "B"}).status_code == 403
    assert client_as("amb-ab-stokab").get(f"{FORUM}inlagg/{thread.posts.get().pk}/dolj/").status_code == 403
    assert client_as("amb-ab-stokab").get(f"{FORUM}forslag/nytt/").status_code == 403
    assert client_as("amb-ab-stokab").get(f"{FORUM}moten/nytt/").status_code == 403
    assert client_as("sammankallande").get("/en/radet/forslag/").status_code == 403
    assert counts() == before


def test_a_member_starts_a_thread_and_replies_through_the_forms(client_as):
    client = client_as("amb-ab-stokab")
    response = client.post(f"{FORUM}ny-trad/", {"title": "Grävning i Vasastan", "body": "Vem gräver i vår?"})
    thread = Thread.objects.get(title="Grävning i Vasastan")
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    response = client_as("ledamot-lund").post(thread.get_absolute_url(), {"body": "Vi gör det i maj."})
    reply = thread.posts.last()
    assert response.status_code == 302 and response["Location"].endswith(f"#post-{reply.pk}")
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Vem gräver i vår?" in page and "Vi gör det i maj." in page


def test_a_blank_reply_is_refused_next_to_the_field(client_as, thread):
    before = counts()
    response = client_as("amb-ab-stokab").post(thread.get_absolute_url(), {"body": "   "})
    assert response.status_code == 422
    assert 'id="id_body_error"' in response.content.decode()
    assert counts() == before


def test_a_hidden_post_shows_the_conveners_reason_instead_of_its_text(client_as, thread):
    post = thread.posts.get()
    convener = client_as("sammankallande")
    assert "Hide" in convener.get(thread.get_absolute_url()).content.decode()
    assert convener.post(f"{FORUM}inlagg/{post.pk}/dolj/", {"reason": ""}).status_code == 200
    assert not Post.objects.get(pk=post.pk).is_hidden
    response = convener.post(f"{FORUM}inlagg/{post.pk}/dolj/", {"reason": "Fel tråd."})
    assert response.status_code == 302
    page = client_as("amb-ab-stokab").get(thread.get_absolute_url()).content.decode()
    assert "Hidden by the convener: Fel tråd." in page and "Ska vi dela kartorna?" not in page
    assert Post.objects.get(pk=post.pk).body == "Ska vi dela kartorna?"


def test_a_hidden_thread_shows_the_reason_in_the_list_and_on_its_page(client_as, thread):
    client_as("sammankallande").post(f"{FORUM}tradar/{thread.pk}/dolj/", {"reason": "Hör inte hit."})
    member = client_as("amb-ab-stokab")
    listing = member.get(FORUM).content.decode()
    assert "Hidden by the convener: Hör inte hit." in listing and "Delade kartor" not in listing
    page = member.get(thread.get_absolute_url()).content.decode()
    assert "Hör inte hit." in page and "Ska vi dela kartorna?" not in page and "Post the reply" not in page


def test_what_people_write_is_escaped_and_their_links_carry_rel_nofollow(client_as, cluster, person):
    body = '<script>alert("x")</script> Se https://example.org/karta?a=1&b=2\nNy rad <a href="javascript:x">y</a>'
    thread = services.thread_start(actor=person("amb-ab-stokab"), cluster=cluster, title="<b>Titel</b>", body=body)
    page = client_as("amb-ab-stokab").get(thread.get_absolute_url()).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert '<a href="https://example.org/karta?a=1&amp;b=2" rel="nofollow noopener ugc">' in page
    assert 'href="javascript:' not in page and "<br>Ny rad" in page
    assert "<b>Titel</b>" not in page and "&lt;b&gt;Titel&lt;/b&gt;" in page


def test_the_convener_schedules_a_meeting_and_raises_a_proposal_through_the_forms(client_as, cluster):
    convener = client_as("sammankallande")
    starts = timezone.localtime() + datetime.timedelta(days=5)
    response = convener.post(f"{FORUM}moten/nytt/", {
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"), "ends_at": starts.strftime("%Y-%m-%dT%H:%M"), "place": "P",
    })  # fmt: skip
    assert response.status_code == 200 and "A meeting ends after it starts." in response.content.decode()
    response = convener.post(f"{FORUM}moten/nytt/", {
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"), "place": "Hamnen",
    })  # fmt: skip
    assert response.status_code == 302 and ClusterMeeting.objects.filter(cluster=cluster, place="Hamnen").exists()
    response = convener.post(f"{FORUM}forslag/nytt/", {"title": "Öppna data om hamnen", "background": "Vi vill."})
    proposal = Proposal.objects.get(title="Öppna data om hamnen")
    assert response.status_code == 302 and response["Location"] == proposal.get_absolute_url()


def test_the_secretary_schedules_a_proposal_and_it_is_on_the_meetings_agenda(client_as, proposal, planned):
    secretary = client_as("sekreterare")
    assert "Proposals from the clusters" in secretary.get("/en/radet/").content.decode()
    assert "A shared utility map" in secretary.get("/en/radet/forslag/").content.decode()
    url, p = f"/en/radet/forslag/{proposal.pk}/planera/", f"s{proposal.pk}"
    response = secretary.post(url, {f"{p}-meeting": "", f"{p}-kind": "decision"})
    assert response.status_code == 422 and f'id="id_{p}-meeting_error"' in response.content.decode()
    response = secretary.post(url, {f"{p}-meeting": planned.pk, f"{p}-kind": "decision"})
    assert response.status_code == 302
    assert "A shared utility map" in Client().get(planned.get_absolute_url()).content.decode()
    again = secretary.post(url, {f"{p}-meeting": planned.pk, f"{p}-kind": "decision"})
    assert again.status_code == 422 and "has already dealt with this proposal" in again.content.decode()
    assert planned.items.count() == 1


def test_the_secretary_declines_with_a_reason_that_the_cluster_page_shows(client_as, proposal):
    secretary = client_as("sekreterare")
    response = secretary.post(f"/en/radet/forslag/{proposal.pk}/avsla/", {f"d{proposal.pk}-reason": ""})
    assert response.status_code == 422 and Proposal.objects.get(pk=proposal.pk).state == "submitted"
    response = secretary.post(f"/en/radet/forslag/{proposal.pk}/avsla/", {f"d{proposal.pk}-reason": "Finns redan."})
    assert response.status_code == 302
    assert "declined it: Finns redan." in Client().get(FORUM).content.decode()


def test_proposals_are_public_in_the_api(proposal, planned, person):
    services.proposal_schedule(actor=person("sekreterare"), proposal=proposal, meeting=planned, kind="decision")
    rows = Client().get(f"/api/v1/proposals?cluster={SLUG}&state=scheduled").json()["items"]
    assert (proposal.pk, planned.pk) in [(row["id"], row["meeting"]) for row in rows]
    assert {row["state"] for row in rows} == {"scheduled"} and {row["cluster"] for row in rows} == {SLUG}
    one = Client().get(f"/api/v1/proposals/{proposal.pk}").json()
    assert one["title_en"] == "A shared utility map" and one["cluster"] == SLUG
    assert Client().get("/api/v1/proposals/0").status_code == 404
    assert Client().get("/api/v1/proposals?state=lost").status_code == 422

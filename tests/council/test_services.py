import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tvatakt.council import services
from tvatakt.council.models import Adoption, Decision
from tvatakt.organisation.models import Cluster, Organisation

pytestmark = pytest.mark.django_db


def decide(item, person, **overrides):
    fields = {
        "text": "Alla förvaltningar och bolag inför gemensam e-legitimation.",
        "deadline": timezone.localdate() + datetime.timedelta(days=90),
        "method": "consensus",
        "scope": "all",
    } | overrides
    return services.decision_record(actor=person("sekreterare"), item=item, **fields)


def test_a_decision_gets_the_years_next_reference_and_an_adoption_per_organisation(item, person):
    first = decide(item(), person)
    second = decide(item(title="Andra"), person)
    year, number = first.decided_on.year, int(first.reference.rsplit("-", 1)[1])
    assert first.reference.startswith(f"DR-{year}-") and second.reference == f"DR-{year}-{number + 1:03d}"
    assert first.adoptions.count() == Organisation.objects.filter(is_active=True).count()
    assert set(first.adoptions.values_list("state", flat=True)) == {"pending"}


def test_only_the_secretary_records_decisions(item, person):
    with pytest.raises(PermissionDenied):
        services.decision_record(
            actor=person("ambassador"), item=item(), text="x", deadline=timezone.localdate(), method="consensus",
            scope="all",
        )  # fmt: skip


def test_a_deadline_before_the_decision_is_refused_and_nothing_is_saved(item, person):
    with pytest.raises(ValidationError) as exc:
        decide(item(), person, deadline=datetime.date(2000, 1, 1))
    assert "deadline" in exc.value.message_dict
    assert not Decision.objects.exists() and not Adoption.objects.exists()


def test_a_vote_without_quorum_is_refused_with_the_counts(item, person, members):
    with pytest.raises(ValidationError) as exc:
        decide(item(), person, method="vote", votes={members[0]: "for", members[1]: "for"})
    message = " ".join(exc.value.messages)
    assert "No quorum" in message and "2 for" in message and "3 must" in message
    assert not Decision.objects.exists()


def test_a_vote_with_quorum_and_a_majority_decides_and_keeps_the_votes(item, person, members):
    votes = {members[0]: "for", members[1]: "for", members[2]: "against", members[3]: "abstain"}
    decision = decide(item(), person, method="vote", votes=votes)
    assert sorted(decision.votes.values_list("choice", flat=True)) == ["abstain", "against", "for", "for"]


def test_a_proposal_without_a_majority_does_not_pass(item, person, members):
    votes = {members[0]: "for", members[1]: "against", members[2]: "abstain"}
    with pytest.raises(ValidationError) as exc:
        decide(item(), person, method="vote", votes=votes)
    assert "did not pass" in " ".join(exc.value.messages)


def test_only_members_vote(item, person, members):
    with pytest.raises(ValidationError):
        decide(item(), person, method="vote", votes={members[0]: "for", members[1]: "for", person("ambassador"): "for"})


def test_a_cluster_decision_keeps_the_organisations_in_scope_on_the_decision_date(item, person):
    cluster = Cluster.objects.get(slug="skola-och-forskola")
    before = set(cluster.members.values_list("pk", flat=True))
    decision = decide(item(), person, scope="cluster", scope_cluster=cluster)
    cluster.members.add(Organisation.objects.get(name="Stadsarkivet"))
    assert set(decision.adoptions.values_list("organisation_id", flat=True)) == before


def approve(meeting, person, members):
    services.meeting_mark_held(actor=person("sekreterare"), meeting=meeting)
    services.minutes_adjust(actor=person("radsledamot"), meeting=meeting)
    return services.minutes_approve(actor=person("radsordforande"), meeting=meeting)


def test_minutes_need_an_adjuster_before_the_chair_approves(meeting, person):
    services.meeting_mark_held(actor=person("sekreterare"), meeting=meeting)
    with pytest.raises(ValidationError):
        services.minutes_approve(actor=person("radsordforande"), meeting=meeting)
    with pytest.raises(PermissionDenied):
        services.minutes_adjust(actor=person("radsordforande"), meeting=meeting)  # the chair cannot adjust


def test_a_decision_cannot_be_edited_after_the_minutes_are_approved_only_corrected(item, meeting, person, members):
    decision = decide(item(), person)
    services.decision_update(actor=person("sekreterare"), decision=decision, text="Rättad text innan justering.")
    approve(meeting, person, members)
    with pytest.raises(ValidationError) as exc:
        services.decision_update(actor=person("sekreterare"), decision=decision, text="Ändrad i efterhand")
    assert "Record a correction" in " ".join(exc.value.messages)
    later = services.meeting_schedule(
        actor=person("sekreterare"), council=meeting.council, starts_at=timezone.now(),
        ends_at=timezone.now() + datetime.timedelta(hours=1), place="Stadshuset",
    )  # fmt: skip
    new_item = services.agenda_item_add(
        actor=person("sekreterare"), meeting=later, kind="decision", title="Rättelse", raised_by=person("it-direktor")
    )
    correction = services.decision_correct(
        actor=person("sekreterare"), decision=decision, item=new_item, text="Rättelse av beslutet."
    )
    decision.refresh_from_db()
    assert correction.corrects == decision and decision.text == "Rättad text innan justering."


def adoption_of(decision, name="Utbildningsförvaltningen"):
    return decision.adoptions.get(organisation__name=name)


def test_the_ambassador_moves_their_organisation_forward_with_evidence_at_the_end(item, person):
    adoption = adoption_of(decide(item(), person))
    ambassador = person("ambassador")
    for state, seen in (("informed", "pending"), ("planned", "informed")):
        services.adoption_report(actor=ambassador, adoption=adoption, state=state, seen_state=seen, comment="ok")
    with pytest.raises(ValidationError) as exc:
        services.adoption_report(actor=ambassador, adoption=adoption, state="implemented", seen_state="planned")
    assert "evidence" in exc.value.message_dict
    services.adoption_report(
        actor=ambassador, adoption=adoption, state="implemented", seen_state="planned", evidence="https://example.org/x"
    )
    adoption.refresh_from_db()
    assert adoption.state == "implemented" and adoption.steps.count() == 3


def test_an_ambassador_cannot_report_for_another_organisation(item, person):
    adoption = adoption_of(decide(item(), person), "Stadsarkivet")
    with pytest.raises(PermissionDenied):
        services.adoption_report(actor=person("ambassador"), adoption=adoption, state="informed", seen_state="pending")


def test_two_ambassadors_reporting_at_once_lose_nothing_silently(item, person):
    adoption = adoption_of(decide(item(), person))
    ambassador = person("ambassador")
    services.adoption_report(actor=ambassador, adoption=adoption, state="informed", seen_state="pending")
    with pytest.raises(ValidationError) as exc:  # the deputy's form still showed "pending"
        services.adoption_report(actor=ambassador, adoption=adoption, state="informed", seen_state="pending")
    assert "Someone else reported" in " ".join(exc.value.messages)
    assert adoption.steps.count() == 1


def test_an_exemption_needs_a_reason_and_the_secretarys_decision(item, person):
    adoption = adoption_of(decide(item(), person))
    ambassador = person("ambassador")
    with pytest.raises(ValidationError):
        services.adoption_report(actor=ambassador, adoption=adoption, state="exemption_requested", seen_state="pending")
    services.adoption_report(
        actor=ambassador, adoption=adoption, state="exemption_requested", seen_state="pending", comment="Eget system"
    )
    with pytest.raises(PermissionDenied):
        services.adoption_exemption_decide(actor=ambassador, adoption=adoption, grant=True, reason="Själv")
    services.adoption_exemption_decide(actor=person("sekreterare"), adoption=adoption, grant=True, reason="Godtas")
    adoption.refresh_from_db()
    assert adoption.state == "exempted"


def test_overdue_adoptions_are_flagged(item, person):
    decision = decide(item(), person, deadline=timezone.localdate())
    Decision.objects.filter(pk=decision.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    assert Adoption.objects.overdue().filter(decision=decision).count() == decision.adoptions.count()

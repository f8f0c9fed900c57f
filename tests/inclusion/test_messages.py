"""A host's messages to an event's participants: one e-mail to each registration with an address in the chosen
audience, in the participant's language; those with only a phone are counted for the host to call; and the rules:
hosts only, not a cancelled or long-ended event, nothing empty, a daily limit."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import formats, timezone, translation

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.inclusion import privacy, services, tokens
from tvatakt.inclusion.choices import Status
from tvatakt.inclusion.models import Event, HostMessage, Registration
from tvatakt.inclusion.services.messages import DAYS_AFTER, PER_DAY
from tvatakt.inclusion.tasks import send_host_message

from .conftest import adult, contact, make_event

pytestmark = pytest.mark.django_db


def ours():
    """The messages of the tests' own events (the demo's coding party has one of its own)."""
    return HostMessage.objects.filter(event__slug__startswith="test-")


@pytest.fixture
def culture_event():
    from tvatakt.organisation.models import Organisation

    return make_event(slug="test-meddelanden", host=Organisation.objects.get(name="Kulturförvaltningen"), capacity=4)


@pytest.fixture
def crowd(culture_event):
    """Four seats: two coming by e-mail (one in Swedish), one by phone only, one erased; one cancelled from the
    waiting list, and one still on it."""
    event = culture_event
    register = services.register
    english = register(event=event, people=[adult("Aisha Ali")], language="en", **contact(1))
    swedish = register(event=event, people=[adult("Bo Ek")], language="sv", **contact(2))
    phone = register(event=event, people=[adult("Cilla")], contact_name="Cilla Berg", phone="070-123 45 67")
    erased = register(event=event, people=[adult("Dan")], **contact(4))
    privacy.erase(Registration.objects.filter(pk=erased.pk))
    cancelled = register(event=event, people=[adult("Eva")], **contact(5))
    cancelled = services.cancel(registration=cancelled)
    waiting = register(event=event, people=[adult("Fia")], language="en", **contact(6))
    assert [r.status for r in (english, swedish, phone, cancelled, waiting)] == [
        Status.CONFIRMED, Status.CONFIRMED, Status.CONFIRMED, Status.CANCELLED, Status.WAITING,
    ]  # fmt: skip
    return event, {"english": english, "swedish": swedish, "phone": phone, "erased": erased, "waiting": waiting}


def send(person, event, django_capture_on_commit_callbacks, **fields) -> HostMessage:
    values = {"subject": "Ny lokal", "body": "Vi ses i sal 3 i stället.", "audience": "coming"} | fields
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return services.send_message(actor=person("vard"), event=event, **values)


@pytest.mark.parametrize(
    ("audience", "reached", "to_call"),
    [
        ("coming", {"english", "swedish"}, 1),
        ("waiting", {"waiting"}, 0),
        ("everyone", {"english", "swedish", "waiting"}, 1),
    ],
)
def test_a_message_goes_once_to_each_with_an_address_in_the_audience(
    person, crowd, django_capture_on_commit_callbacks, audience, reached, to_call
):
    event, people = crowd
    message = send(person, event, django_capture_on_commit_callbacks, audience=audience)
    expected = sorted(people[name].email for name in reached)
    assert sorted(address for email in mail.outbox for address in email.to) == expected
    assert (message.recipients, message.unreachable) == (len(reached), to_call)
    assert ours().get().sent_by == person("vard")


def test_the_e_mail_carries_the_hosts_text_verbatim_and_the_manage_link_in_the_participants_language(
    person, crowd, django_capture_on_commit_callbacks
):
    event, people = crowd
    send(person, event, django_capture_on_commit_callbacks, subject="Fika & <kaffe>", body="Ta med laddad telefon.\n"
         "Hissen är trasig: använd sidoingången <där> & inte framsidan.")  # fmt: skip
    weekday = {}  # the frame is in their language: here, the event's weekday ("Monday", "måndag")
    for language in ("en", "sv"):
        with translation.override(language):
            weekday[language] = formats.date_format(timezone.localtime(event.starts_at), "l")
    for name, language, other in (("english", "en", "sv"), ("swedish", "sv", "en")):
        registration = people[name]
        (email,) = [email for email in mail.outbox if email.to == [registration.email]]
        assert "Hissen är trasig: använd sidoingången <där> & inte framsidan." in email.body  # plain text, unescaped
        assert email.subject.startswith("Fika & <kaffe>")
        token = re.search(r"/anmalan/([^/\s]+)/", email.body).group(1)
        assert tokens.read(token, tokens.MANAGE) == registration
        assert weekday[language] in email.body and weekday[other] not in email.body


def test_one_cancelled_or_erased_after_the_message_was_queued_gets_nothing(
    person, crowd, django_capture_on_commit_callbacks
):
    event, people = crowd
    with django_capture_on_commit_callbacks(execute=False):
        message = services.send_message(actor=person("vard"), event=event, subject="Hej", body="Hej", audience="coming")
    services.cancel(registration=people["english"])
    privacy.erase(Registration.objects.filter(pk=people["swedish"].pk))
    mail.outbox.clear()
    for name in ("english", "swedish"):
        assert send_host_message.call(message_pk=message.pk, registration_pk=people[name].pk) is False
    assert not mail.outbox


def test_only_the_events_hosts_may_message_its_participants(person, client_as, crowd):
    event, _people = crowd
    with pytest.raises(NotAllowed):
        services.send_message(actor=person("medborgare"), event=event, subject="Hej", body="Hej", audience="coming")
    url = f"/en/aktiviteter/{event.slug}/meddelanden/"
    for username in ("medborgare", "datapublicerare"):
        assert client_as(username).get(url).status_code == 403
        response = client_as(username).post(url, {"subject": "Hej", "body": "Hej", "audience": "coming"})
        assert response.status_code == 403
    assert not ours().exists() and not mail.outbox


def test_a_cancelled_event_and_one_long_ended_are_not_messaged(person, culture_event):
    vard, event = person("vard"), culture_event
    services.cancel_event(actor=vard, event=event, reason="Lokalen är stängd.")
    with pytest.raises(DomainError, match="cancelled"):
        services.send_message(actor=vard, event=event, subject="Hej", body="Hej", audience="coming")
    ended = make_event(slug="test-slut", host=event.host)
    past = datetime.timedelta(days=DAYS_AFTER + 11)
    Event.objects.filter(pk=ended.pk).update(starts_at=ended.starts_at - past, ends_at=ended.ends_at - past)
    ended.refresh_from_db()
    with pytest.raises(DomainError, match=f"more than {DAYS_AFTER} days ago"):
        services.send_message(actor=vard, event=ended, subject="Hej", body="Hej", audience="coming")
    assert not ours().exists()


def test_an_empty_message_is_refused_next_to_its_field_and_nothing_is_stored(person, client_as, culture_event):
    with pytest.raises(DomainError) as refused:
        services.send_message(actor=person("vard"), event=culture_event, subject=" ", body="\n ", audience="coming")
    assert set(refused.value.message_dict) == {"subject", "body"}
    response = client_as("vard").post(
        f"/en/aktiviteter/{culture_event.slug}/meddelanden/",
        {"subject": "Ny lokal", "body": "   ", "audience": "coming"},
    )
    page = response.content.decode()
    assert response.status_code == 422
    assert re.search(r'<ul class="errorlist" id="id_body_error"><li>This field is required.</li></ul>', page)
    assert not ours().exists()


def test_at_most_ten_messages_a_day_per_event(person, culture_event):
    vard = person("vard")
    for number in range(PER_DAY):
        services.send_message(actor=vard, event=culture_event, subject=f"Nr {number}", body="Hej", audience="coming")
    with pytest.raises(DomainError, match=f"At most {PER_DAY} messages"):
        services.send_message(actor=vard, event=culture_event, subject="En till", body="Hej", audience="coming")
    assert ours().count() == PER_DAY
    ours().update(sent_at=timezone.now() - datetime.timedelta(hours=25))
    services.send_message(actor=vard, event=culture_event, subject="Nästa dag", body="Hej", audience="coming")
    assert ours().count() == PER_DAY + 1


def test_the_page_counts_each_audience_lists_whom_to_call_and_escapes_what_was_sent(
    client_as, crowd, django_capture_on_commit_callbacks
):
    event, people = crowd
    client = client_as("vard")
    url = f"/en/aktiviteter/{event.slug}/meddelanden/"
    assert url in client.get(f"/en/aktiviteter/{event.slug}/deltagare/").content.decode()
    page = client.get(url).content.decode()
    assert "Those coming (3, of whom 1 only by phone)" in page and "The waiting list (1)" in page
    assert "Cilla Berg" in page and "070-123 45 67" in page
    assert "<fieldset" in page and "<legend>To whom</legend>" in page
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"subject": "<b>Ny</b> lokal", "body": "<script>alert(1)</script>", "audience": "coming"}, follow=True
        )
    page = response.content.decode()
    assert response.redirect_chain == [(url, 302)]
    assert "The message is on its way to 2 e-mail addresses." in page
    assert "1 registration has only a phone number: call them" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page
    assert "&lt;b&gt;Ny&lt;/b&gt; lokal" in page
    assert len(mail.outbox) == 2 and "<script>alert(1)</script>" in mail.outbox[0].body

"""Papers on the agenda, and the minutes as a page and a PDF."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tvatakt.core.errors import DomainError, NotAllowed
from tvatakt.council import services
from tvatakt.council.models import Attachment, Vote

from .test_services import decide

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload(name="PM.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def approve(meeting, person):
    services.meeting_mark_held(actor=person("sekreterare"), meeting=meeting)
    services.minutes_adjust(actor=person("radsledamot"), meeting=meeting)
    services.minutes_approve(actor=person("radsordforande"), meeting=meeting)


def test_the_secretary_attaches_a_paper_and_anyone_downloads_it(client_as, item, person):
    agenda_item = item()
    response = client_as("sekreterare").post(
        f"/radet/punkter/{agenda_item.pk}/bilaga/", {"title": "Bakgrunds-PM", "file": upload("Bakgrund PM.pdf")}
    )
    assert response.status_code == 302
    paper = agenda_item.attachments.get()
    assert paper.filename == "Bakgrund_PM.pdf" and paper.size == len(PDF)
    assert "Bakgrunds-PM" in Client().get(agenda_item.meeting.get_absolute_url()).content.decode()
    download = Client().get(paper.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf" and "attachment" in download["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("program.exe", b"MZ\x90\x00", "This kind of file cannot be attached"),
        ("PM.pdf", b"MZ\x90\x00 not a pdf", "does not match its name"),
        ("tom.pdf", b"", "is empty"),
    ],
)
def test_a_wrong_file_is_refused_next_to_the_file_field_and_nothing_is_kept(client_as, item, name, content, message):
    agenda_item = item()
    response = client_as("sekreterare").post(
        f"/en/radet/punkter/{agenda_item.pk}/bilaga/", {"title": "PM", "file": upload(name, content)}
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not agenda_item.attachments.exists()


def test_only_the_secretary_attaches_papers(client_as, item, person):
    agenda_item = item()
    assert client_as("ambassador").get(f"/radet/punkter/{agenda_item.pk}/bilaga/").status_code == 403
    with pytest.raises(NotAllowed):
        services.attachment_add(actor=person("ambassador"), item=agenda_item, title="PM", file=upload())


def test_papers_are_fixed_once_the_minutes_are_approved(item, meeting, person):
    agenda_item = item(kind="information")
    paper = services.attachment_add(actor=person("sekreterare"), item=agenda_item, title="PM", file=upload())
    approve(meeting, person)
    with pytest.raises(DomainError, match="approved"):
        services.attachment_add(actor=person("sekreterare"), item=agenda_item, title="PM 2", file=upload())
    with pytest.raises(DomainError, match="approved"):
        services.attachment_remove(actor=person("sekreterare"), attachment=paper)
    assert list(agenda_item.attachments.values_list("title", flat=True)) == ["PM"]


def test_a_paper_on_a_draft_agenda_can_be_removed_with_its_file(item, person, django_capture_on_commit_callbacks):
    agenda_item = item()
    paper = services.attachment_add(actor=person("sekreterare"), item=agenda_item, title="Fel fil", file=upload())
    storage, name = paper.file.storage, paper.file.name
    assert storage.exists(name)
    with pytest.raises(NotAllowed):
        services.attachment_remove(actor=person("ambassador"), attachment=paper)
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_remove(actor=person("sekreterare"), attachment=paper)
    assert not agenda_item.attachments.exists() and not storage.exists(name)
    removed = Attachment.history.get(history_type="-")
    assert removed.history_user == person("sekreterare") and removed.title == "Fel fil"


def test_an_agenda_item_links_public_initiatives_by_address_or_short_name(client_as, meeting):
    from tvatakt.portfolio.models import Initiative

    public = Initiative.objects.public().order_by("pk")[:2]
    secret = Initiative.objects.filter(is_confidential=True).first()
    lines = f"http://x/portfolj/initiativ/{public[0].slug}/\n{public[1].slug}"
    client = client_as("sekreterare")
    fields = {"kind": "discussion", "title": "Läget", "raised_by": "it-direktor"}
    if secret:
        response = client.post(f"/en/radet/moten/{meeting.pk}/punkt/", {**fields, "initiatives": secret.slug})
        assert response.status_code == 200 and "No public initiative is called" in response.content.decode()
        assert not meeting.items.exists()
    assert client.post(f"/radet/moten/{meeting.pk}/punkt/", {**fields, "initiatives": lines}).status_code == 302
    assert set(meeting.items.get().initiatives.all()) == set(public)


def test_there_are_no_minutes_before_the_meeting_is_held(meeting):
    assert Client().get(f"/radet/moten/{meeting.pk}/protokoll/").status_code == 404
    assert Client().get(f"/radet/moten/{meeting.pk}/protokoll.pdf").status_code == 404


def test_the_minutes_number_the_items_show_the_votes_and_say_who_approved_them(
    item, meeting, person, members, client_as
):
    decision_item = item(title="Gemensam e-legitimation")
    votes = {members[0]: "for", members[1]: "for", members[2]: "against", members[3]: "abstain"}
    decision = decide(decision_item, person, method="vote", votes=votes)
    services.attachment_add(actor=person("sekreterare"), item=decision_item, title="Bakgrunds-PM", file=upload())
    services.meeting_mark_held(actor=person("sekreterare"), meeting=meeting)
    # The draft is the council's to check, not yet a public record.
    assert Client().get(f"/en/radet/moten/{meeting.pk}/protokoll/").status_code == 404
    assert Client().get(f"/en/radet/moten/{meeting.pk}/protokoll.pdf").status_code == 404
    assert f"/radet/moten/{meeting.pk}/protokoll/" not in Client().get(meeting.get_absolute_url()).content.decode()
    assert client_as("ambassador").get(f"/radet/moten/{meeting.pk}/protokoll/").status_code == 404
    draft = client_as("radsledamot").get(f"/en/radet/moten/{meeting.pk}/protokoll/").content.decode()
    assert "Draft." in draft and '§ 1 <span lang="sv">Gemensam e-legitimation</span>' in draft
    services.minutes_adjust(actor=person("radsledamot"), meeting=meeting)
    services.minutes_approve(actor=person("radsordforande"), meeting=meeting)
    html = Client().get(f"/en/radet/moten/{meeting.pk}/protokoll/").content.decode()
    assert "Draft." not in html and decision.reference in html and "Bakgrunds-PM" in html
    assert Vote.objects.filter(decision=decision).count() == 4
    assert "For: 2, Against: 1, Abstain: 1" in html
    assert person("radsordforande").display_name in html and person("radsledamot").display_name in html


def test_the_minutes_pdf_is_a_tagged_pdf_with_the_decisions_text(item, meeting, person):
    pypdf = pytest.importorskip("pypdf")
    decision = decide(item(), person)
    approve(meeting, person)
    response = Client().get(f"/en/radet/moten/{meeting.pk}/protokoll.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert f"protokoll-{meeting.starts_at:%Y-%m-%d}.pdf" in response["Content-Disposition"]
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = "".join(page.extract_text() for page in reader.pages)
    assert decision.reference in text and "Gemensam e-legitimation" in text
    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] and catalog["/Lang"] == "en" and "/StructTreeRoot" in catalog


def test_the_initiative_page_lists_what_the_council_said_about_it(meeting, person):
    from tvatakt.portfolio.models import Initiative

    initiative = Initiative.objects.public().order_by("pk").first()
    agenda_item = services.agenda_item_add(
        actor=person("sekreterare"), meeting=meeting, kind="decision", title="Nya e-tjänster",
        raised_by=person("it-direktor"), initiatives=[initiative],
    )  # fmt: skip
    decision = decide(agenda_item, person)
    html = Client().get(initiative.get_absolute_url()).content.decode()
    assert "At the digitalisation council" in html and decision.reference in html and "Nya e-tjänster" in html


def test_a_confidential_initiative_never_shows_on_the_public_agenda(meeting, person):
    from tvatakt.portfolio.models import Initiative

    initiative = Initiative.objects.public().order_by("pk").first()
    secret = Initiative.objects.exclude(pk=initiative.pk).order_by("pk").first()
    Initiative.objects.filter(pk=secret.pk).update(is_confidential=True)
    secret.refresh_from_db()
    fields = {
        "actor": person("sekreterare"),
        "meeting": meeting,
        "kind": "discussion",
        "raised_by": person("it-direktor"),
    }
    with pytest.raises(DomainError) as refused:
        services.agenda_item_add(title="Hemligt", initiatives=[secret], **fields)
    assert set(refused.value.message_dict) == {"initiatives"} and not meeting.items.exists()
    services.agenda_item_add(title="Öppet", initiatives=[initiative], **fields)
    Initiative.objects.filter(pk=initiative.pk).update(is_confidential=True)  # made confidential later
    html = Client().get(meeting.get_absolute_url()).content.decode()
    assert "Öppet" in html and initiative.title not in html


def test_the_pdf_is_drawn_once_until_something_changes_whoever_asks(item, meeting, person, settings, monkeypatch):
    from django.core.cache import caches

    from tvatakt.council.views import public

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pdf"}}
    caches["default"].clear()
    decide(item(), person)
    approve(meeting, person)
    drawn = []
    monkeypatch.setattr(public, "minutes_pdf", lambda meeting, base_url: drawn.append(meeting.pk) or b"%PDF-1.7")
    for n in range(3):  # a new query string each time: the page cache cannot help, the figures cache does
        assert Client().get(f"/radet/moten/{meeting.pk}/protokoll.pdf?x={n}").content == b"%PDF-1.7"
    assert drawn == [meeting.pk]

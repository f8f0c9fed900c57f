import pytest

from tvatakt.recognition.models import Event, Lesson, Policy, Tag

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["policy", "event", "tag", "lesson", "lessonuse", "awardround", "nomination"])
def test_admin_lists_open_for_staff(client_as, model):
    assert client_as("admin").get(f"/admin/recognition/{model}/").status_code == 200


def test_points_cannot_be_given_or_changed_in_the_admin(client_as):
    client = client_as("admin")
    event = Event.objects.first()
    url = f"/admin/recognition/event/{event.pk}/change/"
    assert client.get(url).status_code == 200  # viewable
    assert client.post(url, {"points": 999}).status_code == 403
    event.refresh_from_db()
    assert event.points != 999
    assert client.get("/admin/recognition/event/add/").status_code == 403
    assert client.post(f"/admin/recognition/event/{event.pk}/delete/", {"post": "yes"}).status_code == 403
    policy = Policy.objects.first()
    assert client.post(f"/admin/recognition/policy/{policy.pk}/delete/", {"post": "yes"}).status_code == 403


def test_a_published_lesson_cannot_be_edited_in_the_admin_but_a_tags_name_can(client_as):
    client = client_as("admin")
    lesson = Lesson.objects.public().first()
    assert client.post(f"/admin/recognition/lesson/{lesson.pk}/change/", {"title": "Ändrad"}).status_code == 403
    lesson.refresh_from_db()
    assert lesson.title != "Ändrad"
    tag = Tag.objects.first()
    client.post(f"/admin/recognition/tag/{tag.pk}/change/", {"name": "Ny stavning", "slug": "annan"})
    tag.refresh_from_db()
    assert (tag.name, tag.slug) != ("Ny stavning", "annan") and tag.name == "Ny stavning"


def test_a_past_version_can_be_read_in_the_admin_but_never_restored(client_as):
    lesson = Lesson.objects.public().first()
    version = lesson.history.earliest()
    url = f"/admin/recognition/lesson/{lesson.pk}/history/{version.history_id}/"
    client = client_as("admin")
    assert client.get(url).status_code == 200
    fields = {name: getattr(version, name) for name in ("title", "tried", "expected", "happened", "learned", "advice")}
    assert client.post(url, fields | {"title": "Återställd"}).status_code == 403
    lesson.refresh_from_db()
    assert lesson.title != "Återställd"

"""The cluster forum's pages cost the same number of queries with few and with many threads, posts and proposals."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tvatakt.council.services import forum as services
from tvatakt.organisation.models import Cluster

pytestmark = pytest.mark.django_db
CEILING = 12
FORUM = "/radet/kluster/teknik-och-infrastruktur/"
MEMBERS = ["amb-ab-stokab", "amb-trafikkontoret", "ledamot-lund", "sammankallande"]


def count(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def talk(person, threads: int, replies: int):
    """`threads` threads with `replies` replies each, by members in turn, one in three with a hidden post."""
    cluster = Cluster.objects.get(slug="teknik-och-infrastruktur")
    people = [person(username) for username in MEMBERS]
    made = []
    for n in range(threads):
        thread = services.thread_start(actor=people[n % 4], cluster=cluster, title=f"Tråd {n}", body="Se https://x.se")
        for m in range(replies):
            post = services.post_reply(actor=people[(n + m) % 4], thread=thread, body=f"Svar {m}")
            if m % 3 == 0:
                services.post_hide(actor=people[3], post=post, reason="Fel tråd.")
        made.append(thread)
    return made


def raise_proposals(person, n: int) -> None:
    cluster = Cluster.objects.get(slug="teknik-och-infrastruktur")
    for i in range(n):
        services.proposal_raise(actor=person("sammankallande"), cluster=cluster, title=f"F{i}", background="B")


def test_the_forum_page_stays_flat_for_the_public_and_for_members(person, client_as):
    member, public = client_as("amb-ab-stokab"), Client()
    talk(person, 2, 1)
    raise_proposals(person, 1)
    small = count(member, FORUM), count(public, FORUM)
    talk(person, 12, 3)
    raise_proposals(person, 8)
    assert (count(member, FORUM), count(public, FORUM)) == small
    assert max(small) <= CEILING


def test_a_thread_page_stays_flat_with_many_posts(person, client_as):
    few, many = talk(person, 1, 2)[0], talk(person, 1, 30)[0]
    member = client_as("ledamot-lund")
    assert count(member, few.get_absolute_url()) == count(member, many.get_absolute_url()) <= CEILING


def test_the_secretarys_proposal_list_stays_flat(person, client_as):
    secretary = client_as("sekreterare")
    raise_proposals(person, 2)
    small = count(secretary, "/radet/forslag/")
    raise_proposals(person, 10)
    assert count(secretary, "/radet/forslag/") == small <= CEILING

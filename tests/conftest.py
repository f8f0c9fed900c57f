import pytest
from django.test import Client

from tvatakt.demo.city import DEMO_PASSWORD
from tvatakt.demo.loader import load_demo_city
from tvatakt.organisation.models import Person


@pytest.fixture
def demo_city(db):
    return load_demo_city()


@pytest.fixture
def person(demo_city):
    """The demo person with a user name, e.g. person("ambassador")."""
    return lambda username: Person.objects.get(username=username)


@pytest.fixture
def client_as(demo_city):
    """A browser logged in as a demo person."""

    def make(username: str) -> Client:
        client = Client()
        assert client.login(username=username, password=DEMO_PASSWORD)
        return client

    return make

import pytest
from django.http import HttpRequest
from django.test import Client

from tvatakt.demo.city import DEMO_PASSWORD
from tvatakt.demo.loader import load_demo_city
from tvatakt.organisation.models import Person


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo city, loaded once; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        load_demo_city()


@pytest.fixture(scope="session", autouse=True)
def no_sweep_by_chance():
    """One addition to the rate counters in SWEEP_ONE_IN also deletes the ended counters: a query that would come and go
    at random in the query-count tests, and empty the counts of the rate-limit tests, whose clock is long past.
    The sweep has tests of its own."""
    from tvatakt.core import ratecount

    ratecount.SWEEP_ONE_IN = 0


@pytest.fixture(autouse=True)
def api_reads_tallied_until_asked():
    """The API reads' tally starts empty in each test (the database it saw was rolled back), and is added to the
    shared counters only when a test asks: added once a second, it would put a query into the query-count tests
    at random. Its own adding has tests of its own (tests/core/test_ratecount.py)."""
    from tvatakt.core import ratelimit

    ratelimit.TALLY.reset(batch=float("inf"), seconds=float("inf"))
    yield
    ratelimit.TALLY.reset()


@pytest.fixture
def person(db):
    """The demo person with a user name, e.g. person("ambassador")."""
    return lambda username: Person.objects.get(username=username)


@pytest.fixture
def client_as(db):
    """A browser logged in as a demo person."""

    def make(username: str) -> Client:
        client = Client()
        # django-axes counts log-ins by request (address and user name); Client.login() has none to give.
        assert client.login(request=HttpRequest(), username=username, password=DEMO_PASSWORD)
        return client

    return make


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's language. A request to an /en/ page activates English for the thread and
    Django leaves it active after the response, so one test's request would otherwise set the next test's."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def events_read_afresh():
    """The events a process keeps for registrations (inclusion.selectors, a second) start empty in each test: the
    last test's were rolled back, and a slug is used again in the next."""
    from tvatakt.inclusion import selectors

    selectors._recent.clear()  # not forget_events(): a test without the database may not ask for its commit

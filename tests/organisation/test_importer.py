import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from tvatakt.core.errors import NotAllowed
from tvatakt.council.models import Decision, Proposal
from tvatakt.inclusion.models import Event, Place
from tvatakt.innovation.models import Consultation, Hackathon, Team
from tvatakt.opendata.models import DataService, Dataset, HarvestJob, HarvestSource
from tvatakt.organisation.importer import ImportFailed, organisations_import
from tvatakt.organisation.models import Cluster, Organisation
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.models import AwardRound, Lesson, Nomination

pytestmark = pytest.mark.django_db

GOOD = """name,kind,short_name,org_number,website,clusters,active
Grundskoleförvaltningen,fackförvaltning,GSF,212000-1124,https://goteborg.example/gsf,Skola;Digitalt,ja
Centrum stadsdelsförvaltning,stadsdelsförvaltning,,,,Skola,
Göteborg Energi AB,bolag,GE,,,Teknik,nej
"""


@pytest.fixture(scope="module")
def another_city(django_db_setup, django_db_blocker):
    """Another city: no organisations and no clusters (and so no portfolio and no council decisions). Emptied once
    for the module, in a transaction rolled back after it; each test runs in a savepoint within it. (Emptying the
    demo city for every test cost five seconds a test on PostgreSQL.)"""
    with django_db_blocker.unblock(), transaction.atomic():
        _empty()
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def empty_city(another_city, db):
    assert not Organisation.objects.exists()


def _empty():
    Decision.objects.exclude(corrects=None).delete()  # corrections first: they protect what they correct
    Decision.objects.all().delete()
    Proposal.objects.all().delete()  # public records too: they protect their cluster
    AwardRound.objects.update(winner=None)
    Nomination.objects.all().delete()  # nominations and lessons protect their initiatives
    Lesson.objects.all().delete()
    Initiative.objects.all().delete()
    DataService.objects.all().delete()  # the catalogue protects its publishers
    HarvestJob.objects.all().delete()
    HarvestSource.objects.all().delete()
    Event.objects.all().delete()  # the events protect their hosts, and their places' districts
    Place.objects.all().delete()
    Consultation.objects.all().delete()  # consultations protect the organisation that asks
    Team.objects.all().delete()  # teams protect their challenge
    Hackathon.objects.all().delete()  # and hackathons their organiser and their challenges' owners
    Dataset.objects.all().delete()
    Cluster.objects.all().delete()
    Organisation.objects.all().delete()


def test_a_good_file_loads_organisations_and_clusters():
    result = organisations_import(actor=None, data=GOOD.encode())
    assert (result.created, result.updated, result.clusters_created) == (3, 0, 3)
    energy = Organisation.objects.get(name="Göteborg Energi AB")
    assert energy.kind == "company" and not energy.is_active and energy.short_name == "GE"
    assert set(Cluster.objects.get(name="Skola").members.values_list("name", flat=True)) == {
        "Grundskoleförvaltningen",
        "Centrum stadsdelsförvaltning",
    }


def test_loading_the_same_file_again_updates_and_duplicates_nothing():
    organisations_import(actor=None, data=GOOD.encode())
    result = organisations_import(actor=None, data=GOOD.encode())
    assert (result.created, result.updated, result.clusters_created) == (0, 3, 0)
    assert Organisation.objects.count() == 3


def test_semicolon_separated_file_with_a_byte_order_mark_loads():
    data = "\ufeffname;kind\nMiljöförvaltningen;fackförvaltning\n".encode()
    assert organisations_import(actor=None, data=data).created == 1


def test_a_bad_file_reports_every_problem_by_row_and_writes_nothing():
    bad = (
        GOOD
        + "Trasig,okänd,,,,,\n,bolag,,,,,\nGrundskoleförvaltningen,bolag,,,,,\nX AB,bolag,,123,inte-en-url,,kanske\n"
    )
    with pytest.raises(ImportFailed) as failure:
        organisations_import(actor=None, data=bad.encode())
    found = {(error.row, error.column) for error in failure.value.errors}
    assert found == {(5, "kind"), (6, "name"), (7, "name"), (8, "active")}
    assert Organisation.objects.count() == 0
    assert Cluster.objects.count() == 0


def test_field_errors_are_reported_after_the_row_passes_the_first_checks():
    data = b"name,kind,org_number,website\nX AB,bolag,123,inte-en-url\n"
    with pytest.raises(ImportFailed) as failure:
        organisations_import(actor=None, data=data)
    assert {(error.row, error.column) for error in failure.value.errors} == {(2, "org_number"), (2, "website")}


def test_a_failure_after_some_rows_are_written_rolls_everything_back(monkeypatch):
    from tvatakt.organisation import importer

    original = Organisation.save
    calls = []

    def failing_save(self, *args, **kwargs):
        calls.append(self.name)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(importer.Organisation, "save", failing_save)
    with pytest.raises(RuntimeError):
        organisations_import(actor=None, data=GOOD.encode())
    monkeypatch.undo()
    assert Organisation.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "tom"),
        (b"name,kind\n", "inga andra rader"),
        (b"namn,typ\nA,bolag\n", "saknas i rubrikraden"),
        ("name,kind\nMalmö,bolag\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(data, message):
    with pytest.raises(ImportFailed) as failure:
        organisations_import(actor=None, data=data)
    assert message in str(failure.value)


def test_import_is_for_the_it_director(person):
    with pytest.raises(NotAllowed):
        organisations_import(actor=person("ambassador"), data=GOOD.encode())
    organisations_import(actor=person("it-direktor"), data=GOOD.encode())


def test_the_command_reports_row_numbers_and_fails(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    path.write_text("name,kind\nA,okänd\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing was imported|Inget importerades"):
        call_command("import_organisations", str(path))
    assert "2" in capsys.readouterr().err
    assert Organisation.objects.count() == 0


def test_the_command_loads_a_good_file(tmp_path, capsys):
    path = tmp_path / "good.csv"
    path.write_text(GOOD, encoding="utf-8")
    call_command("import_organisations", str(path))
    assert Organisation.objects.count() == 3


def test_columns_the_file_lacks_are_left_as_they_were():
    organisations_import(actor=None, data=GOOD.encode())
    organisations_import(actor=None, data="name,kind\nGrundskoleförvaltningen,fackförvaltning\n".encode())
    school = Organisation.objects.get(name="Grundskoleförvaltningen")
    assert (school.org_number, school.website, school.short_name) == (
        "212000-1124",
        "https://goteborg.example/gsf",
        "GSF",
    )


def test_an_unknown_column_is_refused_rather_than_ignored():
    with pytest.raises(ImportFailed) as failure:
        organisations_import(actor=None, data=b"name,kind,webbsida\nA AB,bolag,x\n")
    assert [(error.row, error.column) for error in failure.value.errors] == [(1, "webbsida")]


def test_row_numbers_count_blank_lines_as_an_editor_does():
    data = "name,kind\nA AB,bolag\n\nB AB,okänd\n".encode()
    with pytest.raises(ImportFailed) as failure:
        organisations_import(actor=None, data=data)
    assert [(error.row, error.column) for error in failure.value.errors] == [(4, "kind")]


def test_a_too_long_cluster_name_is_a_row_error_not_a_crash():
    data = f"name,kind,clusters\nA AB,bolag,{'x' * 201}\n".encode()
    with pytest.raises(ImportFailed) as failure:
        organisations_import(actor=None, data=data)
    assert [(error.row, error.column) for error in failure.value.errors] == [(2, "clusters")]
    assert Organisation.objects.count() == 0

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from tvatakt.portfolio.importer import ImportFailed, import_initiatives
from tvatakt.portfolio.models import Initiative

pytestmark = pytest.mark.django_db

HEADER = "title;process_type;organisation;start_date;planned_end;quarter;hypothesis;clusters;lead;budget_planned\n"


def csv_file(text: str) -> io.BytesIO:
    return io.BytesIO(text.encode("utf-8-sig"))


def quarter(today):
    return f"{today.year} Q{(today.month - 1) // 3 + 1}"


def test_a_valid_file_creates_every_row(person, today):
    text = HEADER + (
        f"Importerad sprint;snabbprojekt;Stadsarkivet;{today};{today};{quarter(today)};Vi tror;skola-och-forskola;"
        "initiativledare;1 000\n"
        f"Importerat program;Program;utbildningsforvaltningen;{today};2030-12-31;;;;;2500000\n"
    )
    assert import_initiatives(csv_file(text), actor=person("it-direktor")) == 2
    sprint = Initiative.objects.get(title="Importerad sprint")
    assert sprint.lead.username == "initiativledare" and sprint.budget_planned == 1000
    assert [c.slug for c in sprint.clusters.all()] == ["skola-och-forskola"]


def test_one_bad_row_refuses_the_whole_file_and_reports_each_problem_by_row(person, today):
    before = Initiative.objects.count()
    text = HEADER + (
        f"Bra rad;Program;Stadsarkivet;{today};2030-01-01;;;;;0\n"
        f"Slut före start;Program;Stadsarkivet;{today};2000-01-01;;;;;0\n"
        f"Okänd organisation;Program;Påhittade verket;31/12/2026;2030-01-01;;;;;-5\n"
    )
    with pytest.raises(ImportFailed) as exc:
        import_initiatives(csv_file(text), actor=person("it-direktor"))
    problems = {(e.row, e.column) for e in exc.value.errors}
    assert (4, "organisation") in problems and (4, "start_date") in problems
    assert Initiative.objects.count() == before


def test_rule_broken_in_the_service_is_reported_by_row_and_nothing_is_saved(person, today):
    before = Initiative.objects.count()
    text = HEADER + (
        f"Bra rad;Program;Stadsarkivet;{today};2030-01-01;;;;;0\n"
        f"Slut före start;Program;Stadsarkivet;{today};2000-01-01;;;;;0\n"
    )
    with pytest.raises(ImportFailed) as exc:
        import_initiatives(csv_file(text), actor=person("it-direktor"))
    assert [(e.row, e.column) for e in exc.value.errors] == [(3, "planned_end")]
    assert Initiative.objects.count() == before


def test_unknown_and_missing_columns_are_reported(person):
    with pytest.raises(ImportFailed) as exc:
        import_initiatives(csv_file("title;colour\nX;red\n"), actor=person("it-direktor"))
    columns = {e.column for e in exc.value.errors}
    assert "colour" in columns and "process_type" in columns


def test_an_exported_file_can_be_read_back(person, make_initiative, today):
    make_initiative("program", title="Runda")
    exported = Client().get("/portfolj/initiativ/export.csv?q=Runda").getvalue().decode("utf-8-sig")
    exported = exported.replace("Runda", "Runda två")
    assert import_initiatives(csv_file(exported), actor=person("it-direktor")) == 1
    assert Initiative.objects.filter(title="Runda två").exists()


def test_only_unit_heads_and_the_director_may_import(person):
    with pytest.raises(PermissionDenied):
        import_initiatives(csv_file(HEADER), actor=person("initiativledare"))


def test_the_import_page_shows_the_problems(client_as, today):
    text = HEADER + f"X;Program;Nowhere;{today};2030-01-01;;;;;0\n"
    upload = io.BytesIO(text.encode())
    upload.name = "initiativ.csv"
    response = client_as("it-direktor").post("/en/portfolj/initiativ/importera/", {"file": upload})
    assert response.status_code == 422
    assert "Row 2, column organisation" in response.content.decode()


def test_the_command_imports_a_file_or_nothing(tmp_path, today):
    from django.core.management import CommandError, call_command

    good = tmp_path / "bra.csv"
    good.write_text(HEADER + f"Från kommandot;Program;Stadsarkivet;{today};2030-01-01;;;;;0\n", encoding="utf-8")
    call_command("import_initiatives", str(good))
    assert Initiative.objects.filter(title="Från kommandot").exists()
    bad = tmp_path / "fel.csv"
    bad.write_text(HEADER + f"Fel;Program;Ingenstans;{today};2030-01-01;;;;;0\n", encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_initiatives", str(bad))
    assert not Initiative.objects.filter(title="Fel").exists()


def test_an_amount_that_is_not_a_number_is_reported_not_crashed_on(person, today):
    text = HEADER + f"X;Program;Stadsarkivet;{today};2030-01-01;;;;;NaN\n"
    with pytest.raises(ImportFailed) as exc:
        import_initiatives(csv_file(text), actor=person("it-direktor"))
    assert [(e.row, e.column) for e in exc.value.errors] == [(2, "budget_planned")]

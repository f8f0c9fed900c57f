import pytest
from django.db.migrations.executor import MigrationExecutor


def test_healthz_answers_without_the_database(client):
    assert client.get("/healthz").json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_is_ok_when_migrated(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.json()["status"] == "ok"


@pytest.mark.django_db
def test_readyz_is_unavailable_with_a_pending_migration(client, monkeypatch):
    monkeypatch.setattr(MigrationExecutor, "migration_plan", lambda self, targets: [("pending", False)])
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["pending_migrations"] == 1


@pytest.mark.django_db
def test_readyz_is_unavailable_when_the_database_fails(client, monkeypatch):
    def broken(self, targets):
        raise ConnectionError("down")

    monkeypatch.setattr(MigrationExecutor, "migration_plan", broken)
    response = client.get("/readyz")
    assert response.status_code == 503

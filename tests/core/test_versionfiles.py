"""The content versions' store without Redis counts up exactly, however many processes count at once, and
behaves as a cache where core.cache uses it.

Django's file cache was tried in the race below: four processes counting to 300 each ended at 304-325 of 1,200.
"""

import multiprocessing

import pytest

from tvatakt.core.versionfiles import VersionFileCache

PROCESSES, EACH = 4, 300


@pytest.fixture
def store(tmp_path):
    return VersionFileCache(str(tmp_path / "versions"), {})


def test_it_keeps_whole_numbers_as_a_cache_does(store):
    assert store.get("v") is None and store.get("v", 7) == 7
    with pytest.raises(ValueError):
        store.incr("v")  # core.cache then sets a fresh one
    assert store.add("v", 100) is True and store.add("v", 5) is False
    assert store.incr("v") == 101 and store.incr("v", 10) == 111 and store.get("v") == 111
    store.set("v", 9)
    assert store.get("v") == 9 and store.has_key("v")
    assert store.delete("v") and store.get("v") is None and not store.delete("v")
    store.set("a", 1)
    store.clear()
    assert store.get("a") is None


def test_only_whole_numbers_are_kept(store):
    store.set("v", 3)
    for value in ("4", 4.5, True, None, 10**20):
        with pytest.raises(TypeError):
            store.set("v", value)
    assert store.get("v") == 3  # a refused value leaves the one before


def _count(location: str) -> None:
    store = VersionFileCache(location, {})
    for _ in range(EACH):
        store.incr("v")


def test_processes_counting_at_once_lose_no_count(store):
    store.set("v", 0)
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_count, args=(str(store.directory),)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    assert store.get("v") == PROCESSES * EACH


@pytest.mark.django_db
def test_the_site_counts_its_content_versions_there(settings, tmp_path, django_capture_on_commit_callbacks):
    from django.core.cache import caches

    from tvatakt.core import cache

    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "versions": {"BACKEND": "tvatakt.core.versionfiles.VersionFileCache", "LOCATION": str(tmp_path / "v")},
    }
    first = cache.content_version("inclusion")
    with django_capture_on_commit_callbacks(execute=True):
        cache.bump_content_version("inclusion")
    assert cache.content_version("inclusion") == first + 1
    assert isinstance(caches["versions"], VersionFileCache)


def test_a_spoilt_file_counts_as_missing_and_is_written_anew(store):
    store.set("v", 41)
    path = store._path("v", None)
    with open(path, "wb") as spoilt:  # what a crash while the file was made can leave on some file systems
        spoilt.write(b"\0" * 20)
    assert store.get("v", "none") == "none"
    with pytest.raises(ValueError):
        store.incr("v")  # core.cache then sets a fresh version
    assert store.add("v", 7) is True and store.incr("v") == 8

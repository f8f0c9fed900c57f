"""The demo's open-data catalogue: loaded with the demo city (tests/conftest.py), through the services."""

import pytest
from django.utils import timezone

from tvatakt.demo import catalogue
from tvatakt.opendata import selectors, vocab
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.models import DataService, Dataset, DatasetUse, Distribution, Keyword
from tvatakt.opendata.models.dataset import NAME_RULE
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Person, RoleAssignment

pytestmark = pytest.mark.django_db


def demo_datasets():
    return Dataset.objects.filter(name__in=[entry.name for entry in catalogue.entries()])


def test_the_demo_has_many_public_datasets_from_many_organisations_each_with_data():
    public = demo_datasets().public()
    assert public.count() >= 140
    assert public.values("publisher").distinct().count() >= 10
    assert not public.filter(distributions__isnull=True).exists()
    for name in public.values_list("name", flat=True):
        NAME_RULE(name)


def test_every_demo_dataset_and_distribution_is_valid_and_points_at_the_demo_portal():
    today = timezone.localdate()
    datasets = demo_datasets().prefetch_related("keywords", "themes", "distributions")
    assert datasets.count() == len(catalogue.entries())
    for dataset in datasets:
        dataset.full_clean()
        keywords = [keyword.name for keyword in dataset.keywords.all()]
        assert 2 <= len(keywords) <= 5
        assert sorted(dataset.keywords_text.split()) == sorted(word for name in keywords for word in name.split())
        assert 1 <= dataset.themes.count() <= 2
        assert dataset.licence in vocab.LICENCE and dataset.frequency
        assert dataset.title_en and dataset.description_en and dataset.contact_email.endswith(".demo.example.org")
        assert dataset.is_public == (dataset.issued is not None)
        assert dataset.issued is None or dataset.issued <= today
        assert len(dataset.distributions.all()) <= 3
        for distribution in dataset.distributions.all():
            distribution.full_clean()
            assert distribution.access_url.startswith(catalogue.SITE + "/")
            assert distribution.download_url == "" or distribution.download_url.startswith(catalogue.SITE + "/")
            assert distribution.media_type == vocab.FILE_TYPE[distribution.format].media_type
    licences = set(demo_datasets().values_list("licence", flat=True))
    assert licences == {vocab.CC0, vocab.CC_BY}


def test_each_publishing_organisation_has_a_data_publisher_who_made_its_datasets():
    for dataset in demo_datasets().select_related("created_by", "publisher"):
        assert dataset.created_by is not None
        assert (
            RoleAssignment.objects.active()
            .filter(person=dataset.created_by, role=Role.DATA_PUBLISHER, organisation=dataset.publisher)
            .exists()
        )
        assert Person.objects.get(pk=dataset.created_by_id).has_perm("opendata.publish", dataset)
    assert demo_datasets().filter(publisher__name="Stadsarkivet", created_by__username="datapublicerare").exists()
    assert dataset.history.exists()  # made through the services, so its history tells who


def test_a_few_drafts_show_publishers_their_own_and_stay_out_of_search():
    drafts = demo_datasets().filter(state=DatasetState.DRAFT)
    assert 2 <= drafts.count() <= 3
    assert drafts.filter(created_by__username="datapublicerare").exists()  # the demo log-in sees one
    found = set(selectors.search(selectors.Filters()).values_list("name", flat=True))
    assert not found & set(drafts.values_list("name", flat=True))


def test_the_apis_serve_their_datasets_and_initiatives_use_data():
    air = DataService.objects.get(name="luftdata-api")
    assert air.endpoint_url.startswith(catalogue.SITE + "/")
    assert air.datasets.filter(name="luftkvalitet-timvarden").exists()
    traffic = DataService.objects.get(name="trafik-api")
    assert traffic.datasets.filter(name__startswith="cykelfloden-").count() >= 3
    for service in (air, traffic):
        service.full_clean()
        assert not service.datasets.exclude(publisher=service.publisher).exists()
        assert not service.datasets.exclude(state=DatasetState.PUBLIC).exists()
    uses = DatasetUse.objects.select_related("initiative", "dataset")
    assert uses.filter(initiative__slug="oppet-api-for-luftkvalitet", dataset__name="luftkvalitet-timvarden").exists()
    assert uses.filter(
        initiative__slug="oppet-api-for-lediga-parkeringsplatser", dataset__name="lediga-platser-i-parkeringsgarage"
    ).exists()
    assert uses.count() >= 8 and all(use.dataset.is_public for use in uses)


def test_the_catalogue_search_finds_the_demo_datasets():
    assert "rotemansarkivet" in set(
        selectors.search(selectors.Filters(q="rotemansarkivet")).values_list("name", flat=True)
    )
    assert selectors.search(selectors.Filters(q="luftkvalitet")).count() >= 5
    assert selectors.search(selectors.Filters(q="preschools")).count() >= 11  # the English texts too
    facets = selectors.facets(selectors.Filters())
    assert len(facets["publisher"]) >= 10 and len(facets["theme"]) >= 10


def test_a_second_load_adds_nothing():
    def counts():
        models = (Dataset, Distribution, DataService, DatasetUse, Keyword, Person, RoleAssignment)
        return [model.objects.count() for model in models] + [Dataset.history.count()]

    before = counts()
    assert catalogue.load_demo_catalogue() == Dataset.objects.count()
    assert counts() == before

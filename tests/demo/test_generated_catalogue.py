import pytest
from django.utils import timezone

from tvatakt.demo import generator
from tvatakt.demo.catalogue import SITE
from tvatakt.demo.generated_catalogue import vocabulary
from tvatakt.demo.generator import GENERATED_PREFIX
from tvatakt.opendata import selectors, vocab
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.models import Dataset, Distribution, Keyword
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import RoleAssignment

pytestmark = pytest.mark.django_db


def step():
    return next(step for step in generator.STEPS if step.name == "catalogue")


def run(stop: int) -> None:
    step().run(step().done(), stop, lambda n: None)


def generated():
    return Dataset.objects.filter(name__startswith=GENERATED_PREFIX)


@pytest.fixture
def catalogue():
    run(300)


def test_the_step_makes_20000_datasets_at_scale_1():
    assert step().per_scale == 20000


def test_every_generated_dataset_is_valid_with_keywords_themes_and_distributions(catalogue):
    today = timezone.localdate()
    datasets = generated().prefetch_related("keywords", "themes", "distributions")
    assert datasets.count() == step().done() == 300
    words = set(vocabulary())
    for number, dataset in enumerate(datasets):
        if number % 3 == 0:  # the model's own checks, on a third of them: the rest is checked below for all
            dataset.full_clean()
        assert dataset.name == f"{GENERATED_PREFIX}{int(dataset.name[4:]):07d}"
        keywords = [keyword.name for keyword in dataset.keywords.all()]
        assert 2 <= len(keywords) <= 4 and set(keywords) <= words
        assert sorted(dataset.keywords_text.split()) == sorted(word for name in keywords for word in name.split())
        assert 1 <= len(dataset.themes.all()) <= 2
        assert 1 <= len(dataset.distributions.all()) <= 3
        assert dataset.is_public == (dataset.issued is not None)
        assert dataset.issued is None or dataset.issued <= today
        for distribution in dataset.distributions.all():
            if number % 3 == 0:
                distribution.full_clean()
            assert distribution.media_type == vocab.FILE_TYPE[distribution.format].media_type
            assert distribution.access_url.startswith(SITE + "/")
            assert (distribution.byte_size or 0) > 0 if distribution.download_url else distribution.byte_size is None
    assert datasets.filter(state=DatasetState.DRAFT).count() < 30


def test_generated_datasets_are_spread_over_publishers_made_by_their_data_publishers(catalogue):
    assert generated().public().values("publisher").distinct().count() >= 15
    for dataset in generated().select_related("publisher")[:100]:
        assert (
            RoleAssignment.objects.active()
            .filter(person_id=dataset.created_by_id, role=Role.DATA_PUBLISHER, organisation=dataset.publisher)
            .exists()
        )


def test_the_vocabulary_is_made_once_and_is_about_200_words(catalogue):
    assert 180 <= len(vocabulary()) <= 250
    assert Keyword.objects.filter(name__in=vocabulary()).count() == len(vocabulary())
    assert (
        not Keyword.objects.filter(datasets__name__startswith=GENERATED_PREFIX).exclude(name__in=vocabulary()).exists()
    )


def test_search_finds_generated_datasets(catalogue):
    dataset = generated().public().filter(title__startswith="Luftkvalitet").first() or generated().public().first()
    word = dataset.title.split()[0]
    found = set(selectors.search(selectors.Filters(q=word)).values_list("name", flat=True))
    assert dataset.name in found
    keyword = dataset.keywords.first().name
    assert dataset.name in set(selectors.search(selectors.Filters(keyword=[keyword])).values_list("name", flat=True))
    facets = selectors.facets(selectors.Filters(q=word))
    assert sum(item.count for item in facets["publisher"]) == selectors.search(selectors.Filters(q=word)).count()


def test_the_step_continues_where_it_stopped_and_a_second_run_adds_nothing(catalogue):
    first = list(generated().order_by("name").values_list("name", "title", "keywords_text")[:300])
    run(500)
    assert step().done() == 500
    assert list(generated().order_by("name").values_list("name", "title", "keywords_text")[:300]) == first
    before = (Dataset.objects.count(), Distribution.objects.count(), Keyword.objects.count())
    run(500)
    step().run(0, 500, lambda n: None)
    assert (Dataset.objects.count(), Distribution.objects.count(), Keyword.objects.count()) == before


def test_the_same_index_gives_the_same_dataset_however_the_runs_are_cut(catalogue):
    made = dict(generated().values_list("name", "title"))
    Dataset.objects.filter(name__in=list(made)).delete()
    step().run(0, 150, lambda n: None)
    step().run(150, 300, lambda n: None)
    assert dict(generated().values_list("name", "title")) == made

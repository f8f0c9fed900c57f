"""The DCAT-AP-SE export's addresses. Included at the site's root, outside the language prefix: harvesters expect
these exact paths (`/datasets/dcat` is the national portal's default harvest address), and IRIs must not change
with the reader's language."""

from django.urls import path

from tvatakt.opendata.dcat import views

urlpatterns = [
    path("datasets/dcat", views.catalogue_rdfxml, name="dcat_catalogue"),
    path("catalog", views.catalogue_iri, name="dcat_catalogue_iri"),
    path("catalog.<str:fmt>", views.catalogue_page, name="dcat_catalogue_page"),
    path("dataset/<uuid:identifier>", views.dataset_iri, name="dcat_dataset_iri"),
    path("dataset/<str:name>.<str:fmt>", views.dataset_rdf, name="dcat_dataset"),
]

from django.urls import path

from tvatakt.opendata.views import harvest, public, publish

app_name = "opendata"

urlpatterns = [
    path("", public.catalogue, name="catalogue"),
    path("utgivare/", public.publisher_list, name="publisher_list"),
    path("utgivare/<slug:slug>/", public.publisher_detail, name="publisher_detail"),
    path("teman/", public.theme_list, name="theme_list"),
    path("teman/<slug:slug>/", public.theme_detail, name="theme_detail"),
    path("filer/<uuid:identifier>/<str:filename>", public.distribution_file, name="distribution_file"),
    path("mina/", publish.my_datasets, name="my_datasets"),
    path("mina/hamtning/", harvest.harvest_list, name="harvest_list"),
    path("mina/hamtning/ny/", harvest.source_create, name="harvest_source_create"),
    path("mina/hamtning/<int:pk>/", harvest.source_detail, name="harvest_source"),
    path("mina/hamtning/<int:pk>/andra/", harvest.source_edit, name="harvest_source_edit"),
    path("mina/hamtning/<int:pk>/hamta/", harvest.source_harvest, name="harvest_start"),
    path("mina/jobb/<int:pk>/", harvest.job_detail, name="harvest_job"),
    path("mina/importera/", harvest.import_csv, name="import_csv"),
    path("mina/importera/mall.csv", harvest.import_template, name="import_template"),
    path("ny/", publish.dataset_create, name="dataset_create"),
    path("<str:name>/", public.dataset_detail, name="dataset_detail"),
    path("<str:name>/redigera/", publish.dataset_edit, name="dataset_edit"),
    path("<str:name>/publicera/", publish.dataset_publish, name="dataset_publish"),
    path("<str:name>/dra-tillbaka/", publish.dataset_withdraw, name="dataset_withdraw"),
    path("<str:name>/distributioner/ny/", publish.distribution_create, name="distribution_create"),
    path(
        "<str:name>/distributioner/<uuid:identifier>/ta-bort/",
        publish.distribution_remove,
        name="distribution_remove",
    ),
]

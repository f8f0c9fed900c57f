"""CKAN's API addresses, to be included at the site's root, outside the language prefix. No trailing slash on
the actions and never a redirect: CKAN's clients post and do not follow redirects. /api answers version 1,
as CKAN's does (its un-versioned root is the old REST API's)."""

from django.urls import path

from tvatakt.opendata.ckan import views

urlpatterns = [
    path("api/3/action/<str:name>", views.action, name="ckan_action"),
    path("api/action/<str:name>", views.action, name="ckan_action_unversioned"),
    path("api/3", views.api_version, {"version": 3}, name="ckan_api"),
    path("api/3/", views.api_version, {"version": 3}),
    path("api", views.api_version, {"version": 1}),
    path("api/", views.api_version, {"version": 1}),
]

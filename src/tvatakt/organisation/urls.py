from django.urls import path

from tvatakt.organisation import views

app_name = "organisation"

urlpatterns = [
    path("organisationer/", views.organisation_list, name="organisation_list"),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisationer/<slug:slug>/redigera/", views.organisation_edit, name="organisation_edit"),
    path("enheter/", views.unit_list, name="unit_list"),
    path("enheter/<slug:slug>/", views.unit_detail, name="unit_detail"),
    path("enheter/<slug:slug>/redigera/", views.unit_edit, name="unit_edit"),
    path("kluster/", views.cluster_list, name="cluster_list"),
    path("kluster/<slug:slug>/", views.cluster_detail, name="cluster_detail"),
    path("kluster/<slug:slug>/redigera/", views.cluster_edit, name="cluster_edit"),
    path("roller/", views.role_list, name="role_list"),
    path("roller/<int:pk>/avsluta/", views.role_end, name="role_end"),
]

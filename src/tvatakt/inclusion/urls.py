from django.urls import path

from tvatakt.inclusion.views import public

app_name = "inclusion"

urlpatterns = [
    path("aktiviteter/", public.event_list, name="event_list"),
    path("aktiviteter/<slug:slug>/", public.event_detail, name="event_detail"),
    path("anmalan/<str:token>/", public.manage, name="manage"),
    path("anmalan/<str:token>/<slug:action>/", public.manage_action, name="manage_action"),
    path("samtycke/<str:token>/", public.consent, name="consent"),
]

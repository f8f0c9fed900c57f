from django.urls import path

from tvatakt.inclusion.views import host, links, messages, planning, public, reach

app_name = "inclusion"

urlpatterns = [
    path("aktiviteter/", public.event_list, name="event_list"),
    path("aktiviteter.ics", public.event_feed, name="event_feed"),
    path("aktiviteter/kalender/", public.event_calendar, name="event_calendar"),
    path("aktiviteter/mina/", host.my_events, name="my_events"),
    path("aktiviteter/ny/", planning.event_create, name="event_create"),
    path("aktiviteter/rackvidd/", reach.dashboard, name="reach"),
    path("aktiviteter/<slug:slug>/deltagare/", host.participants, name="participants"),
    path("aktiviteter/<slug:slug>/andra/", planning.event_edit, name="event_edit"),
    path("aktiviteter/<slug:slug>/stall-in/", planning.event_cancel, name="event_cancel"),
    path("aktiviteter/<slug:slug>/deltagare.csv", host.export, name="participants_csv"),
    path("aktiviteter/<slug:slug>/deltagare/uteblivna/", host.no_shows, name="no_shows"),
    path("aktiviteter/<slug:slug>/deltagare/<str:code>/checka-in/", host.check_in, name="check_in"),
    path("aktiviteter/<slug:slug>/meddelanden/", messages.event_messages, name="event_messages"),
    path("aktiviteter/<slug:slug>/", public.event_detail, name="event_detail"),
    path("anmalan/<str:token>/", links.manage, name="manage"),
    path("anmalan/<str:token>/tyck-till/", links.feedback, name="feedback"),
    path("anmalan/<str:token>/mina-uppgifter.json", links.my_data, name="my_data"),
    path("anmalan/<str:token>/radera/", links.erase, name="erase"),
    path("anmalan/<str:token>/<slug:action>/", links.manage_action, name="manage_action"),
    path("samtycke/<str:token>/", links.consent, name="consent"),
]

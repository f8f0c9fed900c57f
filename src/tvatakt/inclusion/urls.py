from django.urls import include, path

from tvatakt.inclusion.views import host, links, messages, planning, public, reach

app_name = "inclusion"

# Grouped under their first word, so that resolving an address tries only its own group's patterns.
event_patterns = [
    path("", public.event_list, name="event_list"),
    path("kalender/", public.event_calendar, name="event_calendar"),
    path("mina/", host.my_events, name="my_events"),
    path("ny/", planning.event_create, name="event_create"),
    path("rackvidd/", reach.dashboard, name="reach"),
    path("<slug:slug>/deltagare/", host.participants, name="participants"),
    path("<slug:slug>/andra/", planning.event_edit, name="event_edit"),
    path("<slug:slug>/stall-in/", planning.event_cancel, name="event_cancel"),
    path("<slug:slug>/deltagare.csv", host.export, name="participants_csv"),
    path("<slug:slug>/deltagare/uteblivna/", host.no_shows, name="no_shows"),
    path("<slug:slug>/deltagare/<str:code>/checka-in/", host.check_in, name="check_in"),
    path("<slug:slug>/meddelanden/", messages.event_messages, name="event_messages"),
    path("<slug:slug>/", public.event_detail, name="event_detail"),
]

registration_patterns = [
    path("<str:token>/", links.manage, name="manage"),
    path("<str:token>/tyck-till/", links.feedback, name="feedback"),
    path("<str:token>/mina-uppgifter.json", links.my_data, name="my_data"),
    path("<str:token>/radera/", links.erase, name="erase"),
    path("<str:token>/<slug:action>/", links.manage_action, name="manage_action"),
]

urlpatterns = [
    path("aktiviteter/", include(event_patterns)),
    path("anmalan/", include(registration_patterns)),
    path("aktiviteter.ics", public.event_feed, name="event_feed"),
    path("samtycke/<str:token>/", links.consent, name="consent"),
]

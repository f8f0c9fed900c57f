from django.urls import path

from tvatakt.council.views import ambassador, public, secretary

app_name = "council"

urlpatterns = [
    path("radet/", public.council_home, name="council_home"),
    path("radet/moten.ics", public.meetings_feed, name="meetings_feed"),
    path("radet/moten/<int:pk>/", public.meeting_detail, name="meeting_detail"),
    path("radet/moten/<int:pk>.ics", public.meeting_ics, name="meeting_ics"),
    path("radet/moten/nytt/", secretary.meeting_create, name="meeting_create"),
    path("radet/moten/<int:pk>/punkt/", secretary.item_add, name="item_add"),
    path("radet/moten/<int:pk>/<str:step>/", secretary.meeting_step, name="meeting_step"),
    path("radet/punkter/<int:pk>/beslut/", secretary.decision_record, name="decision_record"),
    path("radet/beslut/", public.decision_list, name="decision_list"),
    path("radet/beslut/<str:reference>/", public.decision_detail, name="decision_detail"),
    path("radet/inforande/", public.adoption_dashboard, name="adoption_dashboard"),
    path("radet/mitt-inforande/", ambassador.my_adoptions, name="my_adoptions"),
    path("radet/inforande/<int:pk>/rapportera/", ambassador.adoption_report, name="adoption_report"),
]

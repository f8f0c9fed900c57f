from django.urls import path

from tvatakt.council.views import ambassador, forum, public, secretary

app_name = "council"

urlpatterns = [
    path("", public.council_home, name="council_home"),
    path("moten.ics", public.meetings_feed, name="meetings_feed"),
    path("moten/<int:pk>/", public.meeting_detail, name="meeting_detail"),
    path("moten/<int:pk>.ics", public.meeting_ics, name="meeting_ics"),
    path("moten/nytt/", secretary.meeting_create, name="meeting_create"),
    path("moten/<int:pk>/punkt/", secretary.item_add, name="item_add"),
    path("moten/<int:pk>/protokoll/", public.meeting_minutes, name="meeting_minutes"),
    path("moten/<int:pk>/protokoll.pdf", public.meeting_minutes_pdf, name="meeting_minutes_pdf"),
    path("moten/<int:pk>/<str:step>/", secretary.meeting_step, name="meeting_step"),
    path("punkter/<int:pk>/beslut/", secretary.decision_record, name="decision_record"),
    path("punkter/<int:pk>/bilaga/", secretary.attachment_add, name="attachment_add"),
    path("bilagor/<int:pk>/ta-bort/", secretary.attachment_remove, name="attachment_remove"),
    path("bilagor/<int:pk>/<str:filename>", public.attachment_download, name="attachment_download"),
    path("beslut/", public.decision_list, name="decision_list"),
    path("beslut/<str:reference>/", public.decision_detail, name="decision_detail"),
    path("inforande/", public.adoption_dashboard, name="adoption_dashboard"),
    path("mitt-inforande/", ambassador.my_adoptions, name="my_adoptions"),
    path("inforande/<int:pk>/rapportera/", ambassador.adoption_report, name="adoption_report"),
]

# Cluster forum
urlpatterns += [
    path("kluster/<slug:slug>/", forum.forum_home, name="forum_home"),
    path("kluster/<slug:slug>/moten.ics", forum.cluster_meetings_ics, name="cluster_meetings_ics"),
    path("kluster/<slug:slug>/ny-trad/", forum.thread_create, name="thread_create"),
    path("kluster/<slug:slug>/tradar/<int:pk>/", forum.thread_detail, name="thread_detail"),
    path("kluster/<slug:slug>/tradar/<int:pk>/dolj/", forum.thread_hide, name="thread_hide"),
    path("kluster/<slug:slug>/inlagg/<int:pk>/dolj/", forum.post_hide, name="post_hide"),
    path("kluster/<slug:slug>/moten/nytt/", forum.cluster_meeting_create, name="cluster_meeting_create"),
    path("kluster/<slug:slug>/forslag/nytt/", forum.proposal_create, name="proposal_create"),
    path("forslag/", forum.proposal_list, name="proposal_list"),
    path("forslag/<int:pk>/planera/", forum.proposal_schedule, name="proposal_schedule"),
    path("forslag/<int:pk>/avsla/", forum.proposal_decline, name="proposal_decline"),
]

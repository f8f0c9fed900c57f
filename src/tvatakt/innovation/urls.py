from django.urls import path

from tvatakt.innovation.views import public, staff

app_name = "innovation"

urlpatterns = [
    path("dialog/", public.consultation_list, name="consultation_list"),
    path("dialog/bekrafta/<str:token>/", public.confirm, name="confirm"),
    path("dialog/moderering/", staff.moderation, name="moderation"),
    path("dialog/<slug:slug>/", public.consultation_detail, name="consultation"),
    path("dialog/<slug:slug>/ny-ide/", public.idea_create, name="idea_create"),
    path("dialog/<slug:slug>/for-nagon-annan/", public.idea_on_behalf, name="idea_on_behalf"),
    path("dialog/<slug:slug>/fas/", staff.phase, name="phase"),
    path("dialog/<slug:slug>/statistik/", public.statistics, name="statistics"),
    path("dialog/<slug:slug>/ideer/<int:pk>/", public.idea_detail, name="idea"),
    path("dialog/<slug:slug>/ideer/<int:pk>/stod/", public.idea_support, name="idea_support"),
    path("dialog/<slug:slug>/ideer/<int:pk>/kommentar/", public.idea_comment, name="idea_comment"),
    path("dialog/<slug:slug>/ideer/<int:pk>/anmal/", public.idea_report, name="idea_report"),
    path("dialog/<slug:slug>/ideer/<int:pk>/svar/", staff.answer, name="answer"),
    path("dialog/<slug:slug>/ideer/<int:pk>/dolj/", staff.hide, name="hide"),
]

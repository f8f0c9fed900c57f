from django.urls import path

from tvatakt.innovation.views import hackathons, jury, public, staff

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
    # Hackathons. The fixed words come before a challenge's slug, which is the last part of its address.
    path("hackathon/", hackathons.hackathon_list, name="hackathon_list"),
    path("hackathon/lag/<str:token>/", hackathons.team_page, name="team"),
    path("hackathon/lag/<str:token>/filer/<int:pk>/ta-bort/", hackathons.file_remove, name="file_remove"),
    path("hackathon/samtycke/<str:token>/", hackathons.guardian, name="guardian"),
    path("hackathon/filer/<int:pk>/<str:filename>", hackathons.file_download, name="file_download"),
    path("hackathon/<slug:slug>/", hackathons.hackathon_detail, name="hackathon"),
    path("hackathon/<slug:slug>/anmal-lag/", hackathons.team_register, name="team_register"),
    path("hackathon/<slug:slug>/jury/", jury.jury_home, name="jury"),
    path("hackathon/<slug:slug>/jury/bidrag/<int:pk>/", jury.score_submission, name="jury_score"),
    path("hackathon/<slug:slug>/jury/jav/<int:team>/", jury.declare_conflict, name="jury_conflict"),
    path("hackathon/<slug:slug>/resultat/", jury.publish, name="publish_results"),
    path("hackathon/<slug:slug>/bidrag/<int:pk>/initiativ/", jury.make_initiative, name="make_initiative"),
    path("hackathon/<slug:slug>/<slug:challenge>/", hackathons.challenge_detail, name="challenge"),
]

from django.urls import include, path

from tvatakt.innovation.views import hackathons, jury, organising, privacy, public, staff

app_name = "innovation"

# Two groups under their first word, so that resolving an address tries only its own group's patterns.
dialog_patterns = [
    path("", public.consultation_list, name="consultation_list"),
    path("bekrafta/<str:token>/", public.confirm, name="confirm"),
    path("bekrafta/<str:token>/mina-uppgifter.json", privacy.idea_my_data, name="idea_my_data"),
    path("moderering/", staff.moderation, name="moderation"),
    path("ny/", organising.consultation_create, name="organise_consultation"),
    path("<slug:slug>/", public.consultation_detail, name="consultation"),
    path("<slug:slug>/ny-ide/", public.idea_create, name="idea_create"),
    path("<slug:slug>/for-nagon-annan/", public.idea_on_behalf, name="idea_on_behalf"),
    path("<slug:slug>/fas/", staff.phase, name="phase"),
    path("<slug:slug>/redigera/", organising.consultation_edit, name="organise_consultation_edit"),
    path("<slug:slug>/statistik/", public.statistics, name="statistics"),
    path("<slug:slug>/ideer/<int:pk>/", public.idea_detail, name="idea"),
    path("<slug:slug>/ideer/<int:pk>/stod/", public.idea_support, name="idea_support"),
    path("<slug:slug>/ideer/<int:pk>/kommentar/", public.idea_comment, name="idea_comment"),
    path("<slug:slug>/ideer/<int:pk>/anmal/", public.idea_report, name="idea_report"),
    path("<slug:slug>/ideer/<int:pk>/svar/", staff.answer, name="answer"),
    path("<slug:slug>/ideer/<int:pk>/dolj/", staff.hide, name="hide"),
]

hackathon_patterns = [
    # Hackathons. The fixed words come before a challenge's slug, which is the last part of its address.
    path("", hackathons.hackathon_list, name="hackathon_list"),
    path("ny/", organising.hackathon_create, name="organise_hackathon"),
    path("lag/<str:token>/", hackathons.team_page, name="team"),
    path("lag/<str:token>/filer/<int:pk>/ta-bort/", hackathons.file_remove, name="file_remove"),
    path("samtycke/<str:token>/", hackathons.guardian, name="guardian"),
    path("filer/<int:pk>/<str:filename>", hackathons.file_download, name="file_download"),
    path("<slug:slug>/", hackathons.hackathon_detail, name="hackathon"),
    path("<slug:slug>/anmal-lag/", hackathons.team_register, name="team_register"),
    path("<slug:slug>/jury/", jury.jury_home, name="jury"),
    path("<slug:slug>/jury/bidrag/<int:pk>/", jury.score_submission, name="jury_score"),
    path("<slug:slug>/jury/jav/<int:team>/", jury.declare_conflict, name="jury_conflict"),
    path("<slug:slug>/resultat/", jury.publish, name="publish_results"),
    path("<slug:slug>/bidrag/<int:pk>/initiativ/", jury.make_initiative, name="make_initiative"),
    path("<slug:slug>/redigera/", organising.hackathon_edit, name="organise_hackathon_edit"),
    path("<slug:slug>/utmaningar/ny/", organising.challenge_create, name="organise_challenge"),
    path(
        "<slug:slug>/utmaningar/<slug:challenge>/redigera/", organising.challenge_edit, name="organise_challenge_edit"
    ),
    path("<slug:slug>/bedomning/", organising.rubric, name="organise_rubric"),
    path("<slug:slug>/fragor/", organising.questions, name="organise_questions"),
    path("<slug:slug>/jury-medlemmar/", organising.jurors, name="organise_jurors"),
    path("<slug:slug>/<slug:challenge>/", hackathons.challenge_detail, name="challenge"),
]

urlpatterns = [
    path("dialog/", include(dialog_patterns)),
    path("hackathon/", include(hackathon_patterns)),
]

from django.urls import path

from tvatakt.recognition.views import awards, dashboard, lessons

app_name = "recognition"

urlpatterns = [
    path("", dashboard.recognition_dashboard, name="dashboard"),
    path("policy/", dashboard.policy_detail, name="policy"),
    path("policy/andra/", dashboard.policy_edit, name="policy_edit"),
    path("organisationer/<slug:slug>/", dashboard.organisation_history, name="organisation_history"),
    path("personer/<str:username>/", dashboard.person_history, name="person_history"),
]

# lessons and awards
urlpatterns += [
    path("lardomar/", lessons.lesson_list, name="lesson_list"),
    path("lardomar/granska/", lessons.lesson_review_queue, name="lesson_review_queue"),
    path("lardomar/<int:pk>/", lessons.lesson_detail, name="lesson_detail"),
    path("lardomar/<int:pk>/andra/", lessons.lesson_edit, name="lesson_edit"),
    path("lardomar/<int:pk>/skicka/", lessons.lesson_submit, name="lesson_submit"),
    path("lardomar/<int:pk>/granska/", lessons.lesson_review, name="lesson_review"),
    path("initiativ/<slug:slug>/ny-lardom/", lessons.lesson_create, name="lesson_create"),
    path("initiativ/<slug:slug>/lasta-lardomar/", lessons.lesson_use_add, name="lesson_use_add"),
    path("utmarkelser/", awards.award_list, name="award_list"),
    path("utmarkelser/ny/", awards.award_round_create, name="award_round_create"),
    path("utmarkelser/<int:pk>/", awards.award_round, name="award_round"),
    path("utmarkelser/<int:pk>/nominera/", awards.nomination_create, name="nomination_create"),
    path("utmarkelser/<int:pk>/poang/", awards.award_scoring, name="award_scoring"),
    path("utmarkelser/<int:pk>/stang/", awards.round_close, name="round_close"),
    path("utmarkelser/<int:pk>/publicera/", awards.round_publish, name="round_publish"),
]

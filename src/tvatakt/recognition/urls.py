from django.urls import path

from tvatakt.recognition.views import awards, dashboard, lessons

app_name = "recognition"

urlpatterns = [
    path("erkannande/", dashboard.recognition_dashboard, name="dashboard"),
    path("erkannande/policy/", dashboard.policy_detail, name="policy"),
    path("erkannande/policy/andra/", dashboard.policy_edit, name="policy_edit"),
    path("erkannande/organisationer/<slug:slug>/", dashboard.organisation_history, name="organisation_history"),
    path("erkannande/personer/<str:username>/", dashboard.person_history, name="person_history"),
]

# lessons and awards
urlpatterns += [
    path("erkannande/lardomar/", lessons.lesson_list, name="lesson_list"),
    path("erkannande/lardomar/granska/", lessons.lesson_review_queue, name="lesson_review_queue"),
    path("erkannande/lardomar/<int:pk>/", lessons.lesson_detail, name="lesson_detail"),
    path("erkannande/lardomar/<int:pk>/andra/", lessons.lesson_edit, name="lesson_edit"),
    path("erkannande/lardomar/<int:pk>/skicka/", lessons.lesson_submit, name="lesson_submit"),
    path("erkannande/lardomar/<int:pk>/granska/", lessons.lesson_review, name="lesson_review"),
    path("erkannande/initiativ/<slug:slug>/ny-lardom/", lessons.lesson_create, name="lesson_create"),
    path("erkannande/initiativ/<slug:slug>/lasta-lardomar/", lessons.lesson_use_add, name="lesson_use_add"),
    path("erkannande/utmarkelser/", awards.award_list, name="award_list"),
    path("erkannande/utmarkelser/ny/", awards.award_round_create, name="award_round_create"),
    path("erkannande/utmarkelser/<int:pk>/", awards.award_round, name="award_round"),
    path("erkannande/utmarkelser/<int:pk>/nominera/", awards.nomination_create, name="nomination_create"),
    path("erkannande/utmarkelser/<int:pk>/poang/", awards.award_scoring, name="award_scoring"),
    path("erkannande/utmarkelser/<int:pk>/stang/", awards.round_close, name="round_close"),
    path("erkannande/utmarkelser/<int:pk>/publicera/", awards.round_publish, name="round_publish"),
]

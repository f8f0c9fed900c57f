from django.urls import path

from tvatakt.portfolio.views import board, decisions, initiatives, process_types

app_name = "portfolio"

urlpatterns = [
    path("", board.board, name="board"),
    path("oversikt/", board.dashboard, name="dashboard"),
    path("initiativ/", initiatives.initiative_list, name="initiative_list"),
    path("initiativ/export.<str:fmt>", initiatives.initiative_export, name="initiative_export"),
    path("initiativ/nytt/", initiatives.initiative_create, name="initiative_create"),
    path("initiativ/importera/", initiatives.initiative_import, name="initiative_import"),
    path("initiativ/<slug:slug>/", initiatives.initiative_detail, name="initiative_detail"),
    path("initiativ/<slug:slug>/redigera/", initiatives.initiative_edit, name="initiative_edit"),
    path("initiativ/<slug:slug>/lagesrapport/", decisions.check_in, name="check_in"),
    path("initiativ/<slug:slug>/beslutspunkt/", decisions.gate_decision, name="gate_decision"),
    path("initiativ/<slug:slug>/utfall/", decisions.outcome, name="outcome"),
    path("initiativ/<slug:slug>/tidsgrans/", decisions.overrun, name="overrun"),
    path("initiativ/<slug:slug>/nyttor/ny/", decisions.benefit_create, name="benefit_create"),
    path("nyttor/<int:pk>/uppfoljning/", decisions.benefit_follow_up, name="benefit_follow_up"),
    path("processer/", process_types.process_type_list, name="process_type_list"),
    path("processer/ny/", process_types.process_type_create, name="process_type_create"),
    path("processer/<slug:slug>/", process_types.process_type_detail, name="process_type_detail"),
    path("processer/<slug:slug>/redigera/", process_types.process_type_edit, name="process_type_edit"),
]

from django.urls import path

from tvatakt.portfolio.views import board, decisions, initiatives, process_types

app_name = "portfolio"

urlpatterns = [
    path("portfolj/", board.board, name="board"),
    path("portfolj/oversikt/", board.dashboard, name="dashboard"),
    path("portfolj/initiativ/", initiatives.initiative_list, name="initiative_list"),
    path("portfolj/initiativ/export.<str:fmt>", initiatives.initiative_export, name="initiative_export"),
    path("portfolj/initiativ/nytt/", initiatives.initiative_create, name="initiative_create"),
    path("portfolj/initiativ/importera/", initiatives.initiative_import, name="initiative_import"),
    path("portfolj/initiativ/<slug:slug>/", initiatives.initiative_detail, name="initiative_detail"),
    path("portfolj/initiativ/<slug:slug>/redigera/", initiatives.initiative_edit, name="initiative_edit"),
    path("portfolj/initiativ/<slug:slug>/lagesrapport/", decisions.check_in, name="check_in"),
    path("portfolj/initiativ/<slug:slug>/beslutspunkt/", decisions.gate_decision, name="gate_decision"),
    path("portfolj/initiativ/<slug:slug>/utfall/", decisions.outcome, name="outcome"),
    path("portfolj/initiativ/<slug:slug>/tidsgrans/", decisions.overrun, name="overrun"),
    path("portfolj/initiativ/<slug:slug>/nyttor/ny/", decisions.benefit_create, name="benefit_create"),
    path("portfolj/nyttor/<int:pk>/uppfoljning/", decisions.benefit_follow_up, name="benefit_follow_up"),
    path("portfolj/processer/", process_types.process_type_list, name="process_type_list"),
    path("portfolj/processer/ny/", process_types.process_type_create, name="process_type_create"),
    path("portfolj/processer/<slug:slug>/", process_types.process_type_detail, name="process_type_detail"),
    path("portfolj/processer/<slug:slug>/redigera/", process_types.process_type_edit, name="process_type_edit"),
]

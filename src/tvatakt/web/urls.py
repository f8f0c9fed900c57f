from django.urls import path

from tvatakt.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("konto/", views.account, name="account"),
    path("om/", views.about, name="about"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("integritet/", views.privacy, name="privacy"),
]

from django.urls import path

from tvatakt.web import views, views_privacy

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("konto/", views.account, name="account"),
    path("konto/mina-uppgifter/", views_privacy.my_data, name="my_data"),
    path("konto/mina-uppgifter.json", views_privacy.my_data_json, name="my_data_json"),
    path("konto/radera/", views_privacy.erase, name="erase_account"),
    path("om/", views.about, name="about"),
    path("tillganglighet/", views.accessibility, name="accessibility"),
    path("integritet/", views.privacy, name="privacy"),
]

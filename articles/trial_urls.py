"""The trial pages' URLs, under each language prefix: /<language>/trials/ and …/trials/<id>/."""

from django.urls import path

from articles import trial_pages

urlpatterns = [
    path("trials/", trial_pages.trial_index, name="trial_index"),
    path("trials/<str:registry_id>/", trial_pages.trial_page, name="trial_page"),
]

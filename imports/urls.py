from django.urls import path

from imports import views

app_name = "imports"

urlpatterns = [
    path("groups/<slug:slug>/import/", views.new_import, name="new"),
    path("imports/<int:pk>/", views.review, name="review"),
    path("imports/<int:pk>/confirm/", views.confirm, name="confirm"),
    path("imports/<int:pk>/discard/", views.discard, name="discard"),
    path("meetings/<int:pk>/register/<str:kind>/paste/", views.paste_register, name="paste-register"),
]

from django.urls import path

from circulation import views

app_name = "circulation"

urlpatterns = [
    path("meetings/<int:pk>/circulate/", views.circulate, name="circulate"),
    path("meetings/<int:pk>/agenda/circulate/", views.circulate_agenda, name="circulate-agenda"),
    path("groups/<slug:slug>/outbox/", views.outbox, name="outbox"),
    path("groups/<slug:slug>/outbox/<int:pk>/retry/", views.outbox_retry, name="outbox-retry"),
    path("groups/<slug:slug>/invite/", views.invite, name="invite"),
]

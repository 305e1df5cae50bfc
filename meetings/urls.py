from django.urls import include, path

from meetings import rows, views

app_name = "meetings"

meeting_rows = [
    *rows.ATTENDEE.urls("attendees"),
    *rows.APOLOGY.urls("apologies"),
    *rows.AGENDA_ITEM.urls("items"),
    *rows.PARAGRAPH.urls("paragraphs"),
    *rows.ACTION.urls("actions"),
]

urlpatterns = [
    path("groups/", views.groups, name="groups"),
    path("groups/<slug:slug>/", views.group, name="group"),
    path("groups/<slug:slug>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/record/", views.record, name="record"),
    path("meetings/<int:pk>/status/", views.minutes_status, name="minutes-status"),
    path("meetings/<int:pk>/history/", views.history, name="history"),
    path("meetings/<int:meeting_pk>/", include(meeting_rows)),
]

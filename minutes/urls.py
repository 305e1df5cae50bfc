from django.urls import include, path

from minutes import rows, views

app_name = "minutes"

meeting_rows = [
    *rows.ATTENDEE.urls("attendees"),
    *rows.APOLOGY.urls("apologies"),
    *rows.AGENDA_ITEM.urls("items"),
    *rows.PARAGRAPH.urls("paragraphs"),
    *rows.ACTION.urls("actions"),
]

urlpatterns = [
    path("meetings/<int:pk>/", views.minutes, name="minutes"),
    path("meetings/<int:pk>/record/", views.record, name="record"),
    path("meetings/<int:pk>/history/", views.history, name="history"),
    path(
        "meetings/<int:meeting_pk>/matters-arising/<int:pk>/",
        views.matters_arising_update,
        name="matters-arising-update",
    ),
    path("meetings/<int:meeting_pk>/", include(meeting_rows)),
]

from django.urls import include, path

from minutes import agenda, downloads, register, rows, views

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
    path("meetings/<int:pk>/register/start/", register.start_register, name="start-register"),
    path("meetings/<int:pk>/agenda/", agenda.agenda, name="agenda"),
    path("meetings/<int:pk>/agenda.<str:extension>", agenda.agenda_document, name="agenda-document"),
    path("meetings/<int:pk>/agenda/items/add/", agenda.agenda_item_add, name="agenda-draft-item-add"),
    path("meetings/<int:pk>/agenda/items/<int:item_pk>/edit/", agenda.agenda_item_edit, name="agenda-draft-item-edit"),
    path("meetings/<int:pk>/agenda/standing-item/", agenda.standing_item_add, name="standing-item-add"),
    path("meetings/<int:pk>/agenda/items/<int:item_pk>/papers/add/", agenda.paper_add, name="paper-add"),
    path("meetings/<int:pk>/papers/<int:paper_pk>/", agenda.paper, name="paper"),
    path("meetings/<int:pk>/papers/<int:paper_pk>/remove/", agenda.paper_remove, name="paper-remove"),
    path("meetings/<int:pk>/minutes.docx", downloads.minutes_docx, name="minutes-docx"),
    path("meetings/<int:pk>/minutes.odt", downloads.minutes_odt, name="minutes-odt"),
    path("meetings/<int:pk>/minutes.pdf", downloads.minutes_pdf, name="minutes-pdf"),
    path(
        "meetings/<int:meeting_pk>/matters-arising/<int:pk>/",
        views.matters_arising_update,
        name="matters-arising-update",
    ),
    path("meetings/<int:meeting_pk>/", include(meeting_rows)),
]

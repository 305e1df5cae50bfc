from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("groups/<slug:slug>/members/", views.members, name="members"),
    path("groups/<slug:slug>/members/add/", views.member_add, name="member-add"),
    path("groups/<slug:slug>/members/<int:pk>/leave/", views.member_leave, name="member-leave"),
    path("groups/<slug:slug>/members/<int:pk>/representative/", views.representative_add, name="representative-add"),
    path("groups/<slug:slug>/members/<int:pk>/contacts/add/", views.contact_add, name="contact-add"),
    path("groups/<slug:slug>/contacts/<int:pk>/edit/", views.contact_edit, name="contact-edit"),
    path("groups/<slug:slug>/contacts/<int:pk>/remove/", views.contact_delete, name="contact-delete"),
    path("groups/<slug:slug>/attendance/", views.attendance, name="attendance"),
    path("groups/<slug:slug>/attendance.csv", views.attendance_csv, name="attendance-csv"),
]

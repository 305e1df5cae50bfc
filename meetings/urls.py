from django.urls import path

from meetings import calendar_views, suggestions, views

app_name = "meetings"

urlpatterns = [
    path("groups/", views.groups, name="groups"),
    path("groups/<slug:slug>/", views.group, name="group"),
    path("groups/<slug:slug>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("meetings/<int:pk>/edit/", views.meeting_edit, name="meeting-edit"),
    path("meetings/<int:pk>/status/", views.minutes_status, name="minutes-status"),
    path("meetings/<int:pk>/calendar.ics", calendar_views.meeting_calendar, name="meeting-calendar"),
    path("meetings/<int:pk>/next-meeting.ics", calendar_views.next_meeting_calendar, name="next-meeting-calendar"),
    path("groups/<slug:slug>/calendar/<str:token>.ics", calendar_views.group_calendar, name="group-calendar"),
    path("suggestions/departments/", suggestions.departments, name="department-suggestions"),
    path("suggestions/people/", suggestions.people, name="person-suggestions"),
]

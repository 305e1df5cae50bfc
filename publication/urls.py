from django.urls import path, register_converter

from publication import views


class DayKey:
    """A meeting's date in its public address, "2013-03-11", or "2013-03-11-2" for the day's second meeting."""

    regex = r"\d{4}-\d{2}-\d{2}(?:-[1-9]\d{0,2})?"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DayKey, "day")

app_name = "publication"

urlpatterns = [
    path("published/<slug:slug>/", views.group, name="group"),
    path("published/<slug:slug>/feed/", views.feed, name="feed"),
    path("published/<slug:slug>/<day:key>/", views.minutes, name="minutes"),
    path("published/<slug:slug>/<day:key>/minutes.<str:extension>", views.document, name="document"),
    path("published/<slug:slug>/<day:key>/papers/<int:pk>/", views.paper, name="paper"),
]

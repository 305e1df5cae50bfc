from django.apps import AppConfig


class CirculationConfig(AppConfig):
    name = "circulation"
    verbose_name = "Email"

    def ready(self):
        from circulation.history import circulation_changes
        from minutes.history import MEETING_CHANGE_SOURCES

        MEETING_CHANGE_SOURCES.append(circulation_changes)

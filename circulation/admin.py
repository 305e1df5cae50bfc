from django.contrib import admin

from circulation.models import Circulation, Message, Reminder


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    """The outbox, read-only: what was sent, to whom, and how it went."""

    list_display = ["created_at", "to", "subject", "purpose", "status", "attempts"]
    list_filter = ["status", "purpose", "group"]
    search_fields = ["to", "to_name", "subject"]
    exclude = ["text_body", "html_body"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Circulation)
class CirculationAdmin(admin.ModelAdmin):
    list_display = ["meeting", "sent_at", "sent_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["meeting", "department", "sent_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

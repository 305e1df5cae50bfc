from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actions.models import Action, ActionOwner


class ActionOwnerInline(admin.TabularInline):
    model = ActionOwner
    extra = 0
    autocomplete_fields = ["department"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "meeting", "agenda_item", "due_date", "due_at_next_meeting"]
    list_select_related = ["meeting__group", "agenda_item"]
    list_filter = ["meeting__group", "due_at_next_meeting", "ownerships__department"]
    search_fields = ["text", "ownerships__department__short_name"]
    autocomplete_fields = ["agenda_item"]
    inlines = [ActionOwnerInline]


@admin.register(ActionOwner)
class ActionOwnerAdmin(SimpleHistoryAdmin):
    list_display = ["action", "department", "is_lead"]
    list_select_related = ["action", "department"]
    list_filter = ["is_lead", "department"]
    search_fields = ["action__text", "department__short_name"]

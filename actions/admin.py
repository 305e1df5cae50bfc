from django.contrib import admin

from actions.models import Action, ActionOwner, Update
from meetings import admin as meetings_admin
from meetings.admin import CorrectionAdmin, RecordAdmin, VersionedAdminForm
from meetings.models import AgendaItem, Department, Paragraph

admin.site.unregister(Department)


@admin.register(Department)
class DepartmentAdmin(meetings_admin.DepartmentAdmin):
    """Approved minutes show a department in their register, and also as the owner of their actions
    and of the matters arising reviewed at them."""

    shown_through = [
        *meetings_admin.DepartmentAdmin.shown_through,
        "actions__ownerships__department",
        "reported_updates__action__ownerships__department",
    ]


class ParagraphInline(admin.StackedInline):
    model = Paragraph
    form = VersionedAdminForm
    extra = 0


class ActionInline(admin.StackedInline):
    model = Action
    form = VersionedAdminForm
    extra = 0
    show_change_link = True
    fields = ["text", "due_date", "due_at_next_meeting", "position", "opened_version"]


@admin.register(AgendaItem)
class AgendaItemAdmin(CorrectionAdmin):
    list_display = ["number", "title", "meeting"]
    list_select_related = ["meeting__group"]
    list_filter = ["meeting__group", "meeting"]
    search_fields = ["title", "paragraphs__text"]
    inlines = [ParagraphInline, ActionInline]


class ActionOwnerInline(admin.StackedInline):
    model = ActionOwner
    extra = 0
    autocomplete_fields = ["department"]


class UpdateInline(admin.TabularInline):
    """Updates are the record of an action's progress: shown, never changed."""

    model = Update
    extra = 0
    fields = [
        "created_at",
        "author",
        "old_status",
        "new_status",
        "text",
        "reported_at",
        "withdrawn_at",
        "withdrawn_by",
        "withdrawal_reason",
    ]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Action)
class ActionAdmin(CorrectionAdmin):
    list_display = ["__str__", "meeting", "agenda_item", "status", "due_date", "due_at_next_meeting"]
    list_select_related = ["meeting__group", "agenda_item"]
    list_filter = ["meeting__group", "status", "due_at_next_meeting", "ownerships__department"]
    search_fields = ["text", "ownerships__department__short_name"]
    autocomplete_fields = ["agenda_item"]
    readonly_fields = ["status", "closed_on"]
    inlines = [ActionOwnerInline, UpdateInline]


@admin.register(ActionOwner)
class ActionOwnerAdmin(CorrectionAdmin):
    list_display = ["action", "department", "is_lead"]
    list_select_related = ["action__meeting__group", "department"]
    list_filter = ["is_lead", "department"]
    search_fields = ["action__text", "department__short_name"]

    def meeting_of(self, obj):
        return obj.action.meeting


@admin.register(Update)
class UpdateAdmin(RecordAdmin):
    list_display = ["action", "created_at", "author", "old_status", "new_status", "reported_at", "withdrawn_at"]
    list_select_related = ["action__meeting__group", "author", "reported_at__group"]
    list_filter = ["new_status", "action__meeting__group"]
    search_fields = ["text", "action__text"]

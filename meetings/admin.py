from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actions.models import Action
from meetings.models import AgendaItem, Apology, Attendee, Department, Group, Meeting, Paragraph, Person


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Department)
class DepartmentAdmin(SimpleHistoryAdmin):
    list_display = ["short_name", "name", "successor"]
    list_select_related = ["successor"]
    search_fields = ["short_name", "name"]
    list_filter = [("successor", admin.EmptyFieldListFilter)]
    autocomplete_fields = ["successor"]


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]


class AttendeeInline(admin.TabularInline):
    model = Attendee
    extra = 0
    autocomplete_fields = ["department", "person", "deputising_for"]


class ApologyInline(admin.TabularInline):
    model = Apology
    extra = 0
    autocomplete_fields = ["department", "person"]


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["date", "group", "start_time", "place"]
    list_select_related = ["group"]
    list_filter = ["group", "date"]
    search_fields = ["place", "group__name", "agenda_items__title"]
    date_hierarchy = "date"
    inlines = [AttendeeInline, ApologyInline, AgendaItemInline]


class ParagraphInline(admin.StackedInline):
    model = Paragraph
    extra = 0


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0
    show_change_link = True
    fields = ["text", "due_date", "due_at_next_meeting", "position"]


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "meeting"]
    list_select_related = ["meeting__group"]
    list_filter = ["meeting__group", "meeting"]
    search_fields = ["title", "paragraphs__text"]
    inlines = [ParagraphInline, ActionInline]


@admin.register(Paragraph)
class ParagraphAdmin(SimpleHistoryAdmin):
    list_display = ["number", "agenda_item", "__str__"]
    list_select_related = ["agenda_item"]
    search_fields = ["text"]
    list_filter = ["agenda_item__meeting__group"]


@admin.register(Attendee)
class AttendeeAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "department", "person", "deputising_for", "role", "remote"]
    list_select_related = ["meeting__group", "department", "person", "deputising_for"]
    list_filter = ["meeting__group", "role", "remote", "department"]
    search_fields = ["person__name", "deputising_for__name", "department__short_name"]
    autocomplete_fields = ["department", "person", "deputising_for"]


@admin.register(Apology)
class ApologyAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "department", "person"]
    list_select_related = ["meeting__group", "department", "person"]
    list_filter = ["meeting__group", "department"]
    search_fields = ["person__name", "department__short_name"]
    autocomplete_fields = ["department", "person"]

from django.contrib import admin

from meetings.admin import HistoryAdmin
from members.models import Contact, Membership, Representative


class RepresentativeInline(admin.TabularInline):
    model = Representative
    extra = 0
    autocomplete_fields = ["person"]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


@admin.register(Membership)
class MembershipAdmin(HistoryAdmin):
    list_display = ["department", "group", "joined_on", "left_on"]
    list_filter = ["group"]
    search_fields = ["department__short_name", "department__name"]
    autocomplete_fields = ["department"]
    inlines = [RepresentativeInline, ContactInline]

from django import forms
from django.contrib import admin
from django.core.exceptions import ObjectDoesNotExist
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import (
    AgendaItem,
    Apology,
    Attendee,
    Correction,
    Department,
    DepartmentMember,
    Group,
    Meeting,
    Paragraph,
    Person,
)
from meetings.versioning import Versioned, VersionedFormMixin


class VersionedAdminForm(VersionedFormMixin, forms.ModelForm):
    """An administrator's change is refused, like anyone's, over a change saved since the page was opened."""

    # Declared here, not only by the mixin, so that the admin lays it out in the form; named apart
    # from the model's own (not editable) version, which the admin would refuse to put in a form.
    version_field = "opened_version"
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


def correction_form(base, meeting_of, locked, asks_reason):
    """The admin's form with a reason for correcting approved minutes.

    The reason is required when the record's meeting is approved or published, before or after
    the change: a row added to approved minutes is a correction too. Unapproved rows' pages do not
    ask for one; moving such a row into approved minutes is refused there.
    """
    fields = {}
    if asks_reason:
        fields["correction_reason"] = forms.CharField(
            label="Reason for the correction",
            required=False,
            help_text=(
                "These minutes have been approved. Say why they are being corrected: "
                "the reason is shown on the minutes with today's date."
                if locked
                else "Needed only if the minutes have been approved: it is shown on them with today's date."
            ),
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def _post_clean(self):
        base._post_clean(self)
        try:
            now_locked = meeting_of(self.instance).is_locked
        except ObjectDoesNotExist:
            return
        if not (locked or now_locked) or self.cleaned_data.get("correction_reason"):
            return
        if "correction_reason" in self.fields:
            self.add_error("correction_reason", "Give the reason for correcting approved minutes")
        else:
            self.add_error(None, "Approved minutes are corrected from their own pages, giving a reason.")

    return type("CorrectionForm", (base,), {**fields, "_post_clean": _post_clean})


class CorrectionAdmin(SimpleHistoryAdmin):
    """Approved and published minutes are corrected here only with a reason, shown on the minutes.

    Subclasses say how to reach the meeting a record belongs to.
    """

    def meeting_of(self, obj):
        return obj.meeting

    def is_correction(self, obj):
        return obj is not None and obj.pk is not None and self.meeting_of(obj).is_locked

    def get_form(self, request, obj=None, **kwargs):
        locked = self.is_correction(obj)
        base = VersionedAdminForm if obj is not None and issubclass(self.model, Versioned) else self.form
        kwargs["form"] = correction_form(base, self.meeting_of, locked, asks_reason=locked or obj is None)
        return super().get_form(request, obj, **kwargs)

    def has_delete_permission(self, request, obj=None):
        # Deleting gives no chance to say why; rows of approved minutes are removed through the meeting.
        return super().has_delete_permission(request, obj) and not self.is_correction(obj)

    def save_model(self, request, obj, form, change):
        reason = form.cleaned_data.get("correction_reason")
        if reason:
            obj._change_reason = reason
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        reason = form.cleaned_data.get("correction_reason")
        if reason:
            # Rows corrected on their parent's page (a meeting's register) keep the reason in their own history.
            for inline_form in formset.forms:
                inline_form.instance._change_reason = reason
        super().save_formset(request, form, formset, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reason = form.cleaned_data.get("correction_reason")
        if reason and (form.has_changed() or any(formset.has_changed() for formset in formsets)):
            Correction.objects.create(
                meeting=self.meeting_of(form.instance),
                made_by=request.user,
                reason=reason,
                what=f"{form.instance._meta.verbose_name.capitalize()}: {form.instance}",
            )


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    filter_horizontal = ["secretariat"]


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


@admin.register(DepartmentMember)
class DepartmentMemberAdmin(SimpleHistoryAdmin):
    list_display = ["user", "department"]
    list_select_related = ["user", "department"]
    search_fields = ["user__username", "department__short_name"]
    autocomplete_fields = ["department"]


class RecordAdmin(admin.ModelAdmin):
    """For records that are themselves the trace of a change: read here, never added, edited or removed."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Correction)
class CorrectionRecordAdmin(RecordAdmin):
    list_display = ["meeting", "made_at", "made_by", "what", "reason"]
    list_select_related = ["meeting__group", "made_by"]
    list_filter = ["meeting__group"]
    search_fields = ["reason", "what"]


class AttendeeInline(admin.StackedInline):
    model = Attendee
    form = VersionedAdminForm
    extra = 0
    autocomplete_fields = ["department", "person", "deputising_for"]


class ApologyInline(admin.StackedInline):
    model = Apology
    form = VersionedAdminForm
    extra = 0
    autocomplete_fields = ["department", "person"]


class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    form = VersionedAdminForm
    extra = 0
    show_change_link = True


@admin.register(Meeting)
class MeetingAdmin(CorrectionAdmin):
    list_display = ["date", "group", "status", "start_time", "place"]
    list_select_related = ["group"]
    list_filter = ["group", "status", "date"]
    search_fields = ["place", "group__name", "agenda_items__title"]
    date_hierarchy = "date"
    autocomplete_fields = ["approved_at"]
    inlines = [AttendeeInline, ApologyInline, AgendaItemInline]

    def meeting_of(self, obj):
        return obj


@admin.register(Paragraph)
class ParagraphAdmin(CorrectionAdmin):
    list_display = ["number", "agenda_item", "__str__"]
    list_select_related = ["agenda_item"]
    search_fields = ["text"]
    list_filter = ["agenda_item__meeting__group"]

    def meeting_of(self, obj):
        return obj.agenda_item.meeting


@admin.register(Attendee)
class AttendeeAdmin(CorrectionAdmin):
    list_display = ["meeting", "department", "person", "deputising_for", "role", "remote"]
    list_select_related = ["meeting__group", "department", "person", "deputising_for"]
    list_filter = ["meeting__group", "role", "remote", "department"]
    search_fields = ["person__name", "deputising_for__name", "department__short_name"]
    autocomplete_fields = ["department", "person", "deputising_for"]


@admin.register(Apology)
class ApologyAdmin(CorrectionAdmin):
    list_display = ["meeting", "department", "person"]
    list_select_related = ["meeting__group", "department", "person"]
    list_filter = ["meeting__group", "department"]
    search_fields = ["person__name", "department__short_name"]
    autocomplete_fields = ["department", "person"]

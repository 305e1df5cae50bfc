from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ObjectDoesNotExist
from django.db import IntegrityError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import (
    LOCKED,
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
from meetings.versioning import EditConflict, Versioned, VersionedFormMixin


class VersionedAdminForm(VersionedFormMixin, forms.ModelForm):
    """An administrator's change is refused, like anyone's, over a change saved since the page was opened."""

    # Declared here, not only by the mixin, so that the admin lays it out in the form; named apart
    # from the model's own (not editable) version, which the admin would refuse to put in a form.
    version_field = "opened_version"
    opened_version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class HistoryAdmin(SimpleHistoryAdmin):
    """Every change is kept in the history, which is read here, never reverted to.

    Reverting would save an old copy over the record: over any change made since (an edit
    conflict), and without the reason approved minutes need (it judged them by the old copy).
    A record is put right through its change page, which asks for both.
    """

    def revert_disabled(self, request, obj=None):
        return True

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A save that passed its checks can still lose a race at the database: another person's change
        # saved in the same moment, or the same number taken. Nothing was saved; say so, never a 500.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except (EditConflict, IntegrityError):
            self.message_user(
                request,
                "Someone else saved a change here at the same moment, so yours has not been saved. "
                "Check the record as it is now, then make your change again.",
                messages.ERROR,
            )
            return HttpResponseRedirect(request.get_full_path())

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        opts = self.model._meta
        self.message_user(
            request,
            "An earlier version cannot be restored from the history. To put the record right, change it "
            "on its own page: a change to approved minutes asks for the reason, which is shown on them.",
            messages.WARNING,
        )
        return redirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id]))


LOCKED_HELP = (
    "These minutes have been approved. Say why they are being corrected: "
    "the reason is shown on the minutes with today's date."
)
UNLOCKED_HELP = "Needed only if the minutes have been approved: it is shown on them with today's date."


def correction_form(base, needs_reason, help_text=None):
    """The admin's form, refusing a correction of approved minutes that gives no reason.

    ``needs_reason(form)`` says whether the change being saved corrects approved minutes;
    ``help_text``, when given, adds the field for the reason, with that hint. Without the field,
    such a change is refused: the record is corrected from another page, giving a reason.
    """
    fields = {}
    if help_text:
        fields["correction_reason"] = forms.CharField(
            label="Reason for the correction",
            required=False,
            max_length=Correction._meta.get_field("reason").max_length,
            help_text=help_text,
            widget=forms.Textarea(attrs={"rows": 3}),
        )

    def _post_clean(self):
        base._post_clean(self)
        if self.cleaned_data.get("correction_reason", "").strip() or not needs_reason(self):
            return
        if "correction_reason" in self.fields:
            self.add_error("correction_reason", "Give the reason for correcting approved minutes")
        else:
            self.add_error(None, "Approved minutes are corrected from their own pages, giving a reason.")

    return type("CorrectionForm", (base,), {**fields, "_post_clean": _post_clean})


class CorrectionAdmin(HistoryAdmin):
    """Approved and published minutes are corrected here only with a reason, shown on the minutes.

    The reason is required when the record's meeting is approved or published, before or after
    the change: a row added to approved minutes is a correction too. Unapproved rows' pages do not
    ask for one; moving such a row into approved minutes is refused there. Subclasses say how to
    reach the meeting a record belongs to.
    """

    def meeting_of(self, obj):
        return obj.meeting

    def is_correction(self, obj):
        return obj is not None and obj.pk is not None and self.meeting_of(obj).is_locked

    def get_form(self, request, obj=None, **kwargs):
        locked = self.is_correction(obj)

        def needs_reason(form):
            try:
                return locked or self.meeting_of(form.instance).is_locked
            except ObjectDoesNotExist:
                return False

        base = VersionedAdminForm if obj is not None and issubclass(self.model, Versioned) else self.form
        help_text = LOCKED_HELP if locked else UNLOCKED_HELP if obj is None else None
        kwargs["form"] = correction_form(base, needs_reason, help_text)
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


def shortened(text, length=130):
    return text if len(text) <= length else f"{text[: length - 1]}…"


class NameCorrectionAdmin(HistoryAdmin):
    """For records whose name approved minutes show (a person, a department).

    Approved minutes read as they were approved: a change to a name they show needs a reason, and
    leaves a dated correction on each set of minutes it changes. ``shown_fields`` are the fields
    the minutes show; ``shown_through`` the lookups from a meeting to the record.
    """

    shown_fields = []
    shown_through = []

    def minutes_showing(self, obj):
        """The approved and published minutes that show the record."""
        showing = Q()
        for path in self.shown_through:
            showing |= Q(**{path: obj})
        meetings = Meeting.objects.filter(status__in=LOCKED).filter(showing)
        return Meeting.objects.filter(pk__in=meetings.values("pk")).select_related("group").order_by("date")

    def get_form(self, request, obj=None, **kwargs):
        shown_on = list(self.minutes_showing(obj)) if obj is not None and obj.pk else []
        # The fieldsets, read a moment earlier, may already have made room for the reason.
        if shown_on or "correction_reason" in (kwargs.get("fields") or []):
            listed = ", ".join(str(meeting) for meeting in shown_on[:5])
            more = f" and {len(shown_on) - 5} more" if len(shown_on) > 5 else ""
            help_text = (
                f"Approved minutes show this {self.model._meta.verbose_name}: {listed}{more}. "
                "Changing what they show corrects them all: say why, and the reason is shown on each of them "
                "with today's date."
            )
            kwargs["form"] = correction_form(
                self.form, lambda form: any(name in form.changed_data for name in self.shown_fields), help_text
            )
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.pk and self.minutes_showing(obj).exists():
            fieldsets = [*fieldsets, ("Correction of approved minutes", {"fields": ["correction_reason"]})]
        return fieldsets

    def save_model(self, request, obj, form, change):
        reason = form.cleaned_data.get("correction_reason")
        if reason:
            obj._change_reason = reason
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        reason = form.cleaned_data.get("correction_reason")
        changed = [name for name in self.shown_fields if name in form.changed_data]
        if not (reason and changed):
            return
        label = self.model._meta.verbose_name.capitalize()
        what = "; ".join(
            f"{label} “{shortened(str(form.initial.get(name, '')))}” corrected to "
            f"“{shortened(str(form.cleaned_data[name]))}”"
            for name in changed
        )
        Correction.objects.bulk_create(
            Correction(meeting=meeting, made_by=request.user, reason=reason, what=shortened(what, 300))
            for meeting in self.minutes_showing(form.instance)
        )


@admin.register(Group)
class GroupAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "slug"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}
    filter_horizontal = ["secretariat"]


@admin.register(Department)
class DepartmentAdmin(NameCorrectionAdmin):
    list_display = ["short_name", "name", "successor"]
    list_select_related = ["successor"]
    search_fields = ["short_name", "name"]
    list_filter = [("successor", admin.EmptyFieldListFilter)]
    autocomplete_fields = ["successor"]
    fieldsets = [
        (
            None,
            {
                "fields": ["short_name", "name", "successor"],
                "description": (
                    "A department renamed or merged (a machinery-of-government change, such as DFID joining "
                    "the FCO) is not renamed here: add the new department, then set this one's successor to it. "
                    "Old minutes keep the name they used, and open actions follow the successor. "
                    "Change the name here only to correct a mistake, such as a misspelling: if approved "
                    "minutes show it, give the reason, which is shown on each of them."
                ),
            },
        )
    ]
    shown_fields = ["short_name"]
    shown_through = ["attendees__department", "apologies__department"]


@admin.register(Person)
class PersonAdmin(NameCorrectionAdmin):
    search_fields = ["name"]
    fieldsets = [
        (
            None,
            {
                "fields": ["name"],
                "description": (
                    "Change a name here only to correct a mistake, such as a misspelling: if approved minutes "
                    "show it, give the reason, which is shown on each of them. Someone who changes their name "
                    "or title later is added as a new person, so that old minutes keep the name they used."
                ),
            },
        )
    ]
    shown_fields = ["name"]
    shown_through = ["attendees__person", "attendees__deputising_for", "apologies__person"]


@admin.register(DepartmentMember)
class DepartmentMemberAdmin(HistoryAdmin):
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

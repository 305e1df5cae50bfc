"""The secretariat's forms for a group's members: a department joining or leaving, a new usual
representative from a date, and the contacts who receive the papers."""

from django import forms
from django.utils import timezone

from govuk.forms import CharacterLimitsMixin, GovukDateField
from meetings.forms import DepartmentField, NewDepartmentsMixin, PersonField
from meetings.models import Department, Person
from meetings.versioning import VersionedFormMixin
from members.models import Contact, Membership, Representative


class MemberForm(NewDepartmentsMixin, CharacterLimitsMixin, forms.Form):
    """Add a department to the group's members, with its usual representative if known."""

    department = DepartmentField(error_messages={"required": "Enter the department that joins the group"})
    joined_on = GovukDateField(label="Member since", required=False, help_text="Leave blank if it always has been")
    representative = PersonField(
        label="Usual representative",
        required=False,
        help_text="The minister who usually attends, with post-nominals, for example Mark Harper MP",
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        self.group = group

    def clean_department(self):
        text = self.cleaned_data["department"]
        department = Department.objects.named(text)
        if department and Membership.objects.of(self.group).filter(department=department, left_on__isnull=True):
            raise forms.ValidationError(f"{department} is already a member of {self.group.short_name}")
        return text

    def clean_representative(self):
        name = self.cleaned_data["representative"]
        if name.strip().lower() == "official":
            raise forms.ValidationError("Enter the name of the minister or official, not “Official”")
        return name

    def save(self):
        """The membership, made or (for a department that left and comes back) opened again."""
        department = self.typed_department(self.cleaned_data["department"])
        joined_on = self.cleaned_data["joined_on"]
        membership = Membership.objects.of(self.group).filter(department=department).first()
        if membership is None:
            membership = Membership.objects.create(group=self.group, department=department, joined_on=joined_on)
        else:
            membership.joined_on, membership.left_on = joined_on, None
            membership.save()
        person = Person.objects.resolve(self.cleaned_data["representative"])
        if person is not None:
            since = joined_on or timezone.localdate()
            Representative.objects.update_or_create(membership=membership, since=since, defaults={"person": person})
        return membership


class LeaveForm(VersionedFormMixin, forms.ModelForm):
    """Record the date a department left the group: its old meetings keep it."""

    left_on = GovukDateField(label="Left on", error_messages={"required": "Enter the date it left the group"})

    class Meta:
        model = Membership
        fields = ["left_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and not self.instance.left_on:
            self.initial["left_on"] = timezone.localdate()

    def clean_left_on(self):
        left_on = self.cleaned_data["left_on"]
        if self.instance.joined_on and left_on <= self.instance.joined_on:
            raise forms.ValidationError(f"It joined on {self.instance.joined_on:%-d %B %Y}: enter a later date")
        if attended := self.instance.last_attended_on_or_after(left_on):
            raise forms.ValidationError(f"It attended the meeting of {attended:%-d %B %Y}: enter a later date")
        return left_on


class RepresentativeForm(CharacterLimitsMixin, forms.ModelForm):
    """A new usual representative from a date: earlier meetings keep the one before."""

    person = PersonField(
        label="Name",
        help_text="With post-nominals, for example Karen Bradley MP",
        error_messages={"required": "Enter the name of the new usual representative"},
    )
    since = GovukDateField(
        label="From", help_text="For example, 4 9 2012", error_messages={"required": "Enter the date they took over"}
    )

    class Meta:
        model = Representative
        fields = ["since"]

    field_order = ["person", "since"]

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.membership = membership

    def clean_person(self):
        name = self.cleaned_data["person"]
        if name.strip().lower() == "official":
            raise forms.ValidationError("Enter the name of the minister or official, not “Official”")
        return name

    def clean_since(self):
        since = self.cleaned_data["since"]
        taken = self.instance.membership.representatives.filter(since=since).select_related("person").first()
        if taken:
            raise forms.ValidationError(
                f"{taken.person} is already recorded from {since:%-d %B %Y}: choose another date"
            )
        return since

    def save(self, commit=True):
        representative = super().save(commit=False)
        representative.person = Person.objects.resolve(self.cleaned_data["person"])
        if commit:
            representative.save()
        return representative


class ContactForm(CharacterLimitsMixin, VersionedFormMixin, forms.ModelForm):
    """Someone who receives a member department's papers. An address may be shared by two departments."""

    class Meta:
        model = Contact
        fields = ["name", "email", "role"]
        labels = {"name": "Name", "email": "Email address", "role": "Role"}
        help_texts = {"name": "For example, Private Office of the Minister for Crime"}
        error_messages = {
            "name": {"required": "Enter the contact's name"},
            "email": {
                "required": "Enter the contact's email address",
                "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
            },
        }

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.membership = membership
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})

    def clean_email(self):
        email = self.cleaned_data["email"]
        membership = self.instance.membership
        if membership.contacts.filter(email__iexact=email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(f"{email} is already a contact of {membership.department}")
        return email


class PeriodForm(forms.Form):
    """The period the attendance page covers: from and to a date, either left open."""

    start = GovukDateField(label="From", required=False, help_text="For example, 1 1 2012")
    end = GovukDateField(label="To", required=False, help_text="For example, 31 12 2013")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["end"] < cleaned["start"]:
            self.add_error("end", "The end of the period must be after its start")
        return cleaned

    def period(self):
        """(start, end) if the form is valid; otherwise the whole history, (None, None)."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return None, None

"""One factory per model; tests build what they need and nothing more."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from actions.models import Action, ActionOwner, Status, Update
from circulation.models import Attachment, Circulation, Message, Reminder
from imports.models import ImportRecord
from imports.parser import parse_minutes
from meetings.models import (
    AgendaItem,
    Apology,
    Attendee,
    Correction,
    Department,
    DepartmentMember,
    Group,
    Meeting,
    MinutesStatus,
    Paper,
    Paragraph,
    Person,
)
from members.models import Contact, Membership, Representative


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ["slug"]

    name = "Inter-Departmental Ministerial Group on Human Trafficking"
    short_name = "IDMG"
    slug = factory.Sequence(lambda n: f"idmg-{n}")


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["short_name"]

    short_name = factory.Sequence(lambda n: f"Department {n}")
    name = factory.LazyAttribute(lambda department: department.short_name)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Minister {n} MP")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    group = factory.SubFactory(GroupFactory)
    date = datetime.date(2013, 3, 11)
    status = MinutesStatus.DRAFT
    published_at = factory.LazyAttribute(
        lambda meeting: timezone.now() if meeting.status == MinutesStatus.PUBLISHED else None
    )


class AttendeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendee

    meeting = factory.SubFactory(MeetingFactory)
    department = factory.SubFactory(DepartmentFactory)
    person = factory.SubFactory(PersonFactory)


class ApologyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Apology

    meeting = factory.SubFactory(MeetingFactory)
    department = factory.SubFactory(DepartmentFactory)
    person = factory.SubFactory(PersonFactory)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Agenda item {n + 1}")


class ParagraphFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paragraph

    agenda_item = factory.SubFactory(AgendaItemFactory)
    number = factory.LazyAttributeSequence(lambda paragraph, n: f"{paragraph.agenda_item.number}.{n + 1}")
    text = "The Group agreed that it would be useful to share details of best practice."


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    agenda_item = factory.SubFactory(AgendaItemFactory)
    text = "Home Office to set up a series of thematic groups to tackle specific issues"


class ActionOwnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionOwner

    action = factory.SubFactory(ActionFactory)
    department = factory.SubFactory(DepartmentFactory)


class UpdateFactory(factory.django.DjangoModelFactory):
    """A progress note as stored; it does not change its action (``Action.record_update`` does)."""

    class Meta:
        model = Update

    action = factory.SubFactory(ActionFactory)
    # An author who never signs in: an unusable password spares hashing one per update.
    author = factory.SubFactory(UserFactory, password=factory.Transformer.Force("!"))
    text = "A draft has gone to officials for comment."
    old_status = Status.OPEN
    new_status = Status.IN_PROGRESS


class AttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attachment

    filename = "IDMG-2013-03-11-minutes.pdf"
    content_type = "application/pdf"
    content = b"%PDF-1.7 minutes"


class CirculationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Circulation

    meeting = factory.SubFactory(MeetingFactory, status=MinutesStatus.CIRCULATED)
    sent_by = factory.SubFactory(UserFactory)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Message

    purpose = Message.Purpose.CIRCULATION
    group = factory.SubFactory(GroupFactory)
    to_name = "Private Office"
    to = factory.Sequence(lambda n: f"private.office{n}@example.gov.uk")
    subject = "Inter-Departmental Ministerial Group on Human Trafficking: minutes of the meeting of 11 March 2013"
    text_body = "The minutes are circulated."
    html_body = "<p>The minutes are circulated.</p>"


class ReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reminder

    meeting = factory.SubFactory(MeetingFactory)
    department = factory.SubFactory(DepartmentFactory)


class DepartmentMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DepartmentMember

    user = factory.SubFactory(UserFactory)
    department = factory.SubFactory(DepartmentFactory)


class CorrectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Correction

    meeting = factory.SubFactory(MeetingFactory, status="published")
    made_by = factory.SubFactory(UserFactory)
    what = "Attendee: Home Office – Mark Harper MP"
    reason = "The Minister's name was misspelt."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(GroupFactory)
    department = factory.SubFactory(DepartmentFactory)


class RepresentativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Representative

    membership = factory.SubFactory(MembershipFactory)
    person = factory.SubFactory(PersonFactory)
    since = datetime.date(2012, 1, 1)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    membership = factory.SubFactory(MembershipFactory)
    name = factory.Sequence(lambda n: f"Private Secretary {n}")
    email = factory.Sequence(lambda n: f"private.office{n}@example.gov.uk")


class ImportRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRecord

    group = factory.SubFactory(GroupFactory)
    uploaded_by = factory.SubFactory(UserFactory)
    file_name = "minutes.txt"
    source_text = "Attendees:\nHome Office\tMark Harper MP\tCHAIR\n\n1. Welcome\n1.1 Mark Harper MP welcomed the Group."
    parsed = factory.LazyAttribute(lambda record: parse_minutes(record.source_text).as_json())


class PaperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Paper

    agenda_item = factory.SubFactory(AgendaItemFactory)
    title = factory.Sequence(lambda n: f"Paper {n + 1}")
    file = factory.django.FileField(filename="paper.pdf", data=b"%PDF-1.4\n%%EOF\n")
    file_name = "paper.pdf"
    kind = "pdf"
    size = 15


def factory_for(model):
    """The factory of a model, for tests that try every model of a kind (every one in the admin, say)."""
    factories = [
        value
        for value in globals().values()
        if isinstance(value, type) and issubclass(value, factory.django.DjangoModelFactory) and value._meta.model
    ]
    return next(candidate for candidate in factories if candidate._meta.model is model)

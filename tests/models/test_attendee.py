import pytest
from django.core.exceptions import ValidationError

from meetings.models import Attendee
from tests.factories import ApologyFactory, AttendeeFactory, DepartmentFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_who_is_the_named_person():
    attendee = AttendeeFactory(person=PersonFactory(name="Mark Harper MP"))

    assert attendee.who == "Mark Harper MP"


def test_who_is_official_for_an_unnamed_official():
    attendee = AttendeeFactory(person=None)

    assert attendee.who == "Official"


def test_who_names_the_minister_an_official_deputises_for():
    attendee = AttendeeFactory(person=None, deputising_for=PersonFactory(name="Anne Milton MP"))

    assert attendee.who == "Official (for Anne Milton MP)"


def test_who_names_the_minister_a_named_person_deputises_for():
    attendee = AttendeeFactory(
        person=PersonFactory(name="Chris Blairs"), deputising_for=PersonFactory(name="Damian Green MP")
    )

    assert attendee.who == "Chris Blairs (for Damian Green MP)"


def test_it_reads_as_department_and_who():
    attendee = AttendeeFactory(
        department=DepartmentFactory(short_name="DH"), person=None, deputising_for=PersonFactory(name="Anne Milton MP")
    )

    assert str(attendee) == "DH – Official (for Anne Milton MP)"


def test_an_attendee_is_a_member_in_person_unless_told_otherwise():
    attendee = AttendeeFactory()

    assert attendee.role == Attendee.Role.MEMBER
    assert attendee.get_role_display() == "Member"
    assert attendee.remote is False


def test_the_register_keeps_the_order_rows_were_added():
    meeting = MeetingFactory()
    chair = AttendeeFactory(meeting=meeting, role=Attendee.Role.CHAIR)
    official = AttendeeFactory(meeting=meeting, person=None)
    minister = AttendeeFactory(meeting=meeting)

    assert list(meeting.attendees.all()) == [chair, official, minister]
    assert [attendee.position for attendee in meeting.attendees.all()] == [1, 2, 3]


def test_the_same_department_may_appear_twice():
    meeting = MeetingFactory()
    welsh_government = DepartmentFactory(short_name="Welsh Government")
    AttendeeFactory(meeting=meeting, department=welsh_government)
    AttendeeFactory(meeting=meeting, department=welsh_government, person=None)

    assert meeting.attendees.filter(department=welsh_government).count() == 2


def test_deleting_a_meeting_deletes_its_register():
    attendee = AttendeeFactory()

    attendee.meeting.delete()

    assert not Attendee.objects.exists()


def test_clean_refuses_someone_who_sent_apologies_for_the_meeting():
    apology = ApologyFactory(person=PersonFactory(name="Jeremy Browne MP"))

    with pytest.raises(ValidationError) as raised:
        AttendeeFactory.build(meeting=apology.meeting, department=apology.department, person=apology.person).clean()

    assert raised.value.message_dict == {
        "person": ["Jeremy Browne MP sent apologies for this meeting: remove the apology, or check the name"]
    }


def test_clean_accepts_someone_who_sent_apologies_for_another_meeting():
    apology = ApologyFactory()

    AttendeeFactory.build(meeting=MeetingFactory(), department=apology.department, person=apology.person).clean()


def test_clean_accepts_an_official_deputising_for_someone_who_sent_apologies():
    apology = ApologyFactory()

    AttendeeFactory.build(meeting=apology.meeting, person=None, deputising_for=apology.person).clean()

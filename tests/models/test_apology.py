import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import Apology
from tests.factories import ApologyFactory, AttendeeFactory, DepartmentFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_it_reads_as_department_and_person():
    apology = ApologyFactory(
        department=DepartmentFactory(short_name="HMRC"), person=PersonFactory(name="Jennie Granger")
    )

    assert str(apology) == "HMRC – Jennie Granger"


def test_an_apology_names_a_person():
    meeting = MeetingFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        Apology.objects.create(meeting=meeting, department=DepartmentFactory(), person=None)


def test_apologies_keep_the_order_they_were_added_in_each_meeting():
    meeting, other_meeting = MeetingFactory(), MeetingFactory()
    first = ApologyFactory(meeting=meeting)
    ApologyFactory(meeting=other_meeting)
    second = ApologyFactory(meeting=meeting)

    assert list(meeting.apologies.all()) == [first, second]
    assert (first.position, second.position) == (1, 2)
    assert other_meeting.apologies.get().position == 1


def test_the_plural_is_apologies():
    assert Apology._meta.verbose_name_plural == "apologies"


def test_deleting_a_meeting_deletes_its_apologies():
    apology = ApologyFactory()

    apology.meeting.delete()

    assert not Apology.objects.exists()


def test_clean_refuses_someone_in_the_register_of_the_meeting():
    attendee = AttendeeFactory(person=PersonFactory(name="Mark Harper MP"))

    with pytest.raises(ValidationError) as raised:
        ApologyFactory.build(meeting=attendee.meeting, department=attendee.department, person=attendee.person).clean()

    assert raised.value.message_dict == {
        "person": ["Mark Harper MP is in the register of this meeting: remove them from it, or check the name"]
    }

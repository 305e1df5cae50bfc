import pytest

from meetings.forms import ApologyForm
from meetings.models import Department, Person
from tests.factories import ApologyFactory, AttendeeFactory, DepartmentFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


def test_it_records_an_apology_creating_the_department_and_person(meeting):
    form = ApologyForm(
        data={"department": "HMRC", "person": "Jennie Granger", "add_departments": "on"}, meeting=meeting
    )

    assert form.is_valid(), form.errors
    apology = form.save()

    apology.refresh_from_db()
    assert apology.meeting == meeting
    assert apology.department == Department.objects.get(short_name="HMRC")
    assert apology.person == Person.objects.get(name="Jennie Granger")


def test_it_reuses_a_department_and_person_it_knows(meeting):
    dh = DepartmentFactory(short_name="DH", name="Department of Health")
    soubry = PersonFactory(name="Anna Soubry MP")

    apology = ApologyForm(data={"department": "department of health", "person": "ANNA SOUBRY MP"}, meeting=meeting)
    assert apology.is_valid(), apology.errors

    assert (apology.save().department, apology.instance.person) == (dh, soubry)


@pytest.mark.parametrize("person", ["", "Official", " official "])
def test_an_apology_needs_a_named_person(meeting, person):
    form = ApologyForm(data={"department": "DH", "person": person, "add_departments": "on"}, meeting=meeting)

    assert form.errors == {"person": ["Enter the name of the person who sent apologies"]}


def test_the_department_is_required(meeting):
    form = ApologyForm(data={"department": "", "person": "Anna Soubry MP"}, meeting=meeting)

    assert form.errors == {"department": ["Enter the department that sent apologies"]}


def test_a_new_apology_goes_last(meeting):
    first = ApologyFactory(meeting=meeting)
    form = ApologyForm(data={"department": "DH", "person": "Anna Soubry MP", "add_departments": "on"}, meeting=meeting)
    assert form.is_valid(), form.errors

    apology = form.save()

    assert list(meeting.apologies.all()) == [first, apology]


def test_editing_shows_the_names_typed_before(meeting):
    apology = ApologyFactory(
        meeting=meeting, department=DepartmentFactory(short_name="DWP"), person=PersonFactory(name="Mark Hoban MP")
    )

    form = ApologyForm(instance=apology, meeting=meeting)

    assert (form["department"].value(), form["person"].value()) == ("DWP", "Mark Hoban MP")


def test_it_refuses_someone_in_the_register_of_the_meeting_naming_them(meeting):
    AttendeeFactory(meeting=meeting, person=PersonFactory(name="Jeremy Browne MP"))

    form = ApologyForm(
        data={"department": "Home Office", "person": "Jeremy Browne MP", "add_departments": "on"}, meeting=meeting
    )

    assert form.errors == {
        "person": ["Jeremy Browne MP is in the register of this meeting: remove them from it, or check the name"]
    }


def test_someone_in_the_register_of_another_meeting_may_send_apologies(meeting):
    AttendeeFactory(person=PersonFactory(name="Jeremy Browne MP"))

    form = ApologyForm(
        data={"department": "Home Office", "person": "Jeremy Browne MP", "add_departments": "on"}, meeting=meeting
    )

    assert form.is_valid(), form.errors

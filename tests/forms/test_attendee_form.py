import pytest

from meetings.forms import AttendeeForm
from meetings.models import Attendee, Department, Person
from tests.factories import ApologyFactory, AttendeeFactory, DepartmentFactory, MeetingFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory()


def attendee_data(**changes):
    data = {
        "department": "Home Office",
        "person": "Mark Harper MP",
        "deputising_for": "",
        "role": "",
        "remote": "",
        "add_departments": "on",
    }
    data.update(changes)
    return data


def save(meeting, **changes):
    form = AttendeeForm(data=attendee_data(**changes), meeting=meeting)
    assert form.is_valid(), form.errors
    return form.save()


def test_it_creates_the_department_and_person_typed(meeting):
    attendee = save(meeting, department="Wales Office", person="Baroness Randerson")

    attendee.refresh_from_db()
    assert attendee.meeting == meeting
    assert attendee.department == Department.objects.get(short_name="Wales Office")
    assert attendee.person == Person.objects.get(name="Baroness Randerson")


def test_it_reuses_a_department_and_person_it_knows(meeting):
    moj = DepartmentFactory(short_name="MOJ", name="Ministry of Justice")
    grant = PersonFactory(name="Helen Grant MP")

    attendee = save(meeting, department="ministry of justice", person="helen grant mp")

    assert (attendee.department, attendee.person) == (moj, grant)
    assert Department.objects.count() == Person.objects.count() == 1


@pytest.mark.parametrize("person", ["Official", "official", ""])
def test_an_official_or_a_blank_name_means_no_named_person(meeting, person):
    attendee = save(meeting, person=person)

    assert attendee.person is None
    assert attendee.who == "Official"
    assert not Person.objects.exists()


def test_it_records_whom_an_official_deputises_for(meeting):
    attendee = save(meeting, department="DH", person="Official", deputising_for="Anne Milton MP")

    assert attendee.deputising_for == Person.objects.get(name="Anne Milton MP")
    assert attendee.who == "Official (for Anne Milton MP)"


def test_it_records_the_chair_and_a_video_link(meeting):
    attendee = save(meeting, role="chair", remote="on")

    assert attendee.role == Attendee.Role.CHAIR
    assert attendee.remote is True


def test_the_department_is_required(meeting):
    form = AttendeeForm(data=attendee_data(department="  "), meeting=meeting)

    assert form.errors == {"department": ["Enter the attendee's department"]}
    assert not Department.objects.exists()


def test_a_new_attendee_goes_to_the_end_of_the_register(meeting):
    first = AttendeeFactory(meeting=meeting)

    attendee = save(meeting)

    assert list(meeting.attendees.all()) == [first, attendee]


def test_the_fields_come_in_the_order_of_the_register(meeting):
    assert list(AttendeeForm(meeting=meeting).fields) == [
        "department",
        "person",
        "deputising_for",
        "role",
        "remote",
        "version",
        "add_departments",
    ]


def test_editing_shows_the_names_typed_before(meeting):
    attendee = AttendeeFactory(
        meeting=meeting,
        department=DepartmentFactory(short_name="DfE"),
        person=None,
        deputising_for=PersonFactory(name="Edward Timpson MP"),
    )

    form = AttendeeForm(instance=attendee, meeting=meeting)

    assert form["department"].value() == "DfE"
    assert form["person"].value() == ""
    assert form["deputising_for"].value() == "Edward Timpson MP"


def test_editing_changes_the_row_in_place(meeting):
    attendee = AttendeeFactory(meeting=meeting, department=DepartmentFactory(short_name="DfE"))

    form = AttendeeForm(
        data=attendee_data(department="DCLG", person="Official", version=attendee.version),
        instance=attendee,
        meeting=meeting,
    )
    assert form.is_valid(), form.errors
    form.save()

    attendee.refresh_from_db()
    assert attendee.department.short_name == "DCLG"
    assert attendee.person is None
    assert meeting.attendees.count() == 1


def test_a_department_not_on_record_must_be_confirmed_as_new(meeting):
    DepartmentFactory(short_name="Home Office", name="Home Office")

    form = AttendeeForm(data=attendee_data(department="Home Ofice", add_departments=""), meeting=meeting)

    assert form.errors == {
        "department": [
            "“Home Ofice” is not a department on record: did you mean Home Office? "
            "Check the spelling, or confirm below that it is a new department"
        ]
    }
    assert form["add_departments"].label == "Add “Home Ofice” as a new department"
    assert 'type="checkbox"' in str(form["add_departments"])
    assert not Department.objects.filter(short_name="Home Ofice").exists()


def test_a_department_on_record_needs_no_confirming(meeting):
    DepartmentFactory(short_name="DH", name="Department of Health")

    form = AttendeeForm(data=attendee_data(department="department of health", add_departments=""), meeting=meeting)

    assert form.is_valid(), form.errors
    assert form.save().department.short_name == "DH"
    assert 'type="hidden"' in str(form["add_departments"])


def test_a_confirmation_is_shown_again_with_another_problem_and_never_carried_hidden(meeting):
    confirmed = AttendeeForm(data=attendee_data(department="Gangmasters", role="nonsense"), meeting=meeting)

    assert list(confirmed.errors) == ["role"]
    assert 'type="checkbox"' in str(confirmed["add_departments"])
    assert "checked" in str(confirmed["add_departments"])

    known = DepartmentFactory(short_name="DH")
    form = AttendeeForm(data=attendee_data(department=known.short_name, role="nonsense"), meeting=meeting)

    assert list(form.errors) == ["role"]
    assert str(form["add_departments"]) == '<input type="hidden" name="add_departments" id="id_add_departments">'


def test_it_refuses_someone_who_sent_apologies_for_the_meeting_naming_them(meeting):
    ApologyFactory(meeting=meeting, person=PersonFactory(name="Mark Harper MP"))

    form = AttendeeForm(data=attendee_data(person="mark  harper mp"), meeting=meeting)

    assert form.errors == {
        "person": ["Mark Harper MP sent apologies for this meeting: remove the apology, or check the name"]
    }


def test_an_official_may_deputise_for_someone_who_sent_apologies(meeting):
    ApologyFactory(meeting=meeting, person=PersonFactory(name="Mark Harper MP"))

    attendee = save(meeting, person="", deputising_for="Mark Harper MP")

    assert attendee.who == "Official (for Mark Harper MP)"


def test_a_name_too_long_is_refused_at_the_field(meeting):
    form = AttendeeForm(data=attendee_data(person="M" * 201), meeting=meeting)

    assert form.errors == {"person": ["Name must be 200 characters or less"]}

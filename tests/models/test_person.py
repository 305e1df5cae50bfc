import pytest
from django.db import IntegrityError, transaction

from meetings.models import MinutesStatus, Person
from tests.factories import ApologyFactory, AttendeeFactory, MeetingFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_reads_as_the_name_with_post_nominals():
    assert str(PersonFactory(name="David Ford MLA")) == "David Ford MLA"


@pytest.mark.parametrize("typed", ["", "   ", "Official", "official", " OFFICIAL "])
def test_resolve_gives_no_person_for_a_blank_or_an_unnamed_official(typed):
    assert Person.objects.resolve(typed) is None
    assert not Person.objects.exists()


def test_resolve_reuses_a_person_whatever_the_case():
    harper = PersonFactory(name="Mark Harper MP")

    assert Person.objects.resolve("mark harper mp") == harper
    assert Person.objects.count() == 1


def test_resolve_ignores_stray_spaces():
    harper = PersonFactory(name="Mark Harper MP")

    assert Person.objects.resolve(" Mark  Harper MP ") == harper


def test_resolve_creates_a_person_it_does_not_know():
    PersonFactory(name="Mark Harper MP")

    person = Person.objects.resolve("Baroness  Randerson")

    assert person.name == "Baroness Randerson"
    assert Person.objects.count() == 2


def test_names_are_unique():
    PersonFactory(name="Jo Swinson MP")

    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.create(name="Jo Swinson MP")


def test_people_are_listed_by_name():
    for name in ["Oliver Heald MP", "Helen Grant MP", "Jo Swinson MP"]:
        PersonFactory(name=name)

    assert list(Person.objects.values_list("name", flat=True)) == ["Helen Grant MP", "Jo Swinson MP", "Oliver Heald MP"]


# Person.objects.known_to: the people the recording page suggests


@pytest.fixture
def officer():
    return UserFactory(username="idmg-secretariat")


def test_a_person_known_only_from_another_groups_draft_is_not_suggested(officer):
    AttendeeFactory(meeting=MeetingFactory(), person__name="Secret Minister MP")

    assert not Person.objects.known_to(officer).filter(name="Secret Minister MP").exists()


def test_a_person_deputised_for_or_sending_apologies_in_another_groups_draft_is_not_suggested(officer):
    draft = MeetingFactory()
    AttendeeFactory(meeting=draft, deputising_for=PersonFactory(name="Deputised Minister MP"))
    ApologyFactory(meeting=draft, person__name="Absent Minister MP")

    assert not Person.objects.known_to(officer).filter(name__in=["Deputised Minister MP", "Absent Minister MP"])


def test_a_person_of_circulated_minutes_or_of_the_officers_own_draft_is_suggested(officer):
    AttendeeFactory(meeting=MeetingFactory(status=MinutesStatus.CIRCULATED), person__name="Mark Harper MP")
    own_draft = MeetingFactory()
    own_draft.group.secretariat.add(officer)
    AttendeeFactory(meeting=own_draft, person__name="Lord Wallace")

    assert set(Person.objects.known_to(officer).values_list("name", flat=True)) >= {"Mark Harper MP", "Lord Wallace"}


def test_a_person_in_no_minutes_yet_is_suggested(officer):
    PersonFactory(name="Jeremy Browne MP")

    assert Person.objects.known_to(officer).filter(name="Jeremy Browne MP").exists()


def test_a_person_in_another_groups_draft_and_in_circulated_minutes_is_suggested(officer):
    AttendeeFactory(meeting=MeetingFactory(), person__name="Mark Harper MP")
    AttendeeFactory(meeting=MeetingFactory(status=MinutesStatus.CIRCULATED), person=Person.objects.get())

    assert Person.objects.known_to(officer).filter(name="Mark Harper MP").exists()


def test_every_person_is_suggested_to_an_officer_who_may_read_every_meeting(officer):
    draft = MeetingFactory()
    draft.group.secretariat.add(officer)
    AttendeeFactory(meeting=draft, person__name="Lord Wallace")
    PersonFactory(name="Jeremy Browne MP")

    assert set(Person.objects.known_to(officer).values_list("name", flat=True)) == {"Lord Wallace", "Jeremy Browne MP"}

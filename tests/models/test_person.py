import pytest
from django.db import IntegrityError, transaction

from meetings.models import Person
from tests.factories import PersonFactory

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

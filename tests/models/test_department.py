import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from meetings.models import Department
from tests.factories import ActionOwnerFactory, DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_it_reads_as_its_short_name():
    assert str(DepartmentFactory(short_name="MOJ", name="Ministry of Justice")) == "MOJ"


def test_resolve_finds_a_department_by_its_short_name_whatever_the_case():
    moj = DepartmentFactory(short_name="MOJ", name="Ministry of Justice")

    assert Department.objects.resolve("moj") == moj
    assert Department.objects.count() == 1


def test_resolve_finds_a_department_by_its_full_name_whatever_the_case():
    moj = DepartmentFactory(short_name="MOJ", name="Ministry of Justice")

    assert Department.objects.resolve("MINISTRY OF JUSTICE") == moj
    assert Department.objects.count() == 1


def test_resolve_ignores_stray_spaces():
    home_office = DepartmentFactory(short_name="Home Office")

    assert Department.objects.resolve("  Home   Office ") == home_office


def test_resolve_creates_a_department_it_does_not_know():
    DepartmentFactory(short_name="MOJ", name="Ministry of Justice")

    department = Department.objects.resolve(" Wales  Office ")

    assert department.pk is not None
    assert (department.short_name, department.name) == ("Wales Office", "Wales Office")
    assert Department.objects.count() == 2


def test_short_names_are_unique():
    DepartmentFactory(short_name="DH")

    with pytest.raises(IntegrityError), transaction.atomic():
        Department.objects.create(short_name="DH", name="Department of Health")


def test_a_department_without_a_successor_is_its_own_current_department():
    department = DepartmentFactory(short_name="Home Office")

    assert department.current() == department


def test_current_follows_the_chain_of_successors():
    newest = DepartmentFactory(short_name="FCDO")
    middle = DepartmentFactory(short_name="FCO", successor=newest)
    oldest = DepartmentFactory(short_name="DFID", successor=middle)

    assert oldest.current() == newest
    assert middle.current() == newest


def test_current_follows_a_rename():
    scottish_government = DepartmentFactory(short_name="Scottish Government")
    scottish_executive = DepartmentFactory(short_name="Scottish Executive", successor=scottish_government)

    assert scottish_executive.current() == scottish_government


def test_current_stops_when_successors_go_round_in_a_loop():
    first = DepartmentFactory(short_name="First")
    second = DepartmentFactory(short_name="Second", successor=first)
    first.successor = second
    first.save()

    assert first.current() == second
    assert second.current() == first


def test_the_lineage_is_the_department_and_every_generation_whose_work_passed_to_it():
    fcdo = DepartmentFactory(short_name="FCDO")
    fco = DepartmentFactory(short_name="FCO", successor=fcdo)
    dfid = DepartmentFactory(short_name="DFID", successor=fcdo)
    oda = DepartmentFactory(short_name="ODA", successor=dfid)
    DepartmentFactory(short_name="Home Office")

    assert fcdo.lineage() == {fcdo.pk, fco.pk, dfid.pk, oda.pk}
    assert dfid.lineage() == {dfid.pk, oda.pk}


def test_the_lineage_stops_when_successors_go_round_in_a_loop():
    first = DepartmentFactory(short_name="First")
    second = DepartmentFactory(short_name="Second", successor=first)
    first.successor = second
    first.save()

    assert first.lineage() == {first.pk, second.pk}


def test_the_lineage_is_read_in_one_query_however_many_generations(django_assert_num_queries):
    newest = department = DepartmentFactory()
    for _ in range(3):
        department = DepartmentFactory(successor=department)

    with django_assert_num_queries(1):
        assert len(newest.lineage()) == 4


def test_a_department_cannot_be_its_own_successor():
    department = DepartmentFactory(short_name="Home Office")
    department.successor = department

    with pytest.raises(IntegrityError, match="department_not_its_own_successor"), transaction.atomic():
        department.save()


def test_a_department_with_predecessors_cannot_be_deleted():
    scottish_government = DepartmentFactory(short_name="Scottish Government")
    DepartmentFactory(short_name="Scottish Executive", successor=scottish_government)

    with pytest.raises(ProtectedError), transaction.atomic():
        scottish_government.delete()


def test_departments_are_listed_by_short_name():
    for short_name in ["MOJ", "AGO", "DH"]:
        DepartmentFactory(short_name=short_name)

    assert [department.short_name for department in Department.objects.all()] == ["AGO", "DH", "MOJ"]


def test_a_department_known_only_from_another_groups_draft_actions_is_not_suggested():
    ActionOwnerFactory(department__short_name="Secret Unit")
    DepartmentFactory(short_name="Home Office")

    assert list(Department.objects.known_to(UserFactory()).values_list("short_name", flat=True)) == ["Home Office"]

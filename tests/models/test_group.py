import pytest
from django.db import IntegrityError, transaction

from meetings.models import Group
from tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


def test_it_reads_as_its_name():
    group = GroupFactory(name="Inter-Departmental Ministerial Group on Human Trafficking", short_name="IDMG")

    assert str(group) == "Inter-Departmental Ministerial Group on Human Trafficking"


def test_its_page_is_found_by_its_slug():
    group = GroupFactory(slug="idmg-human-trafficking")

    assert group.get_absolute_url() == "/groups/idmg-human-trafficking/"


def test_two_groups_cannot_share_a_slug():
    Group.objects.create(name="IDMG on Human Trafficking", short_name="IDMG", slug="idmg")

    with pytest.raises(IntegrityError), transaction.atomic():
        Group.objects.create(name="Modern Slavery IDMG", short_name="IDMG", slug="idmg")


def test_groups_are_listed_by_name():
    GroupFactory(name="Strategy Board", short_name="Board")
    GroupFactory(name="Inter-Departmental Ministerial Group on Human Trafficking")

    assert [group.short_name for group in Group.objects.all()] == ["IDMG", "Board"]


def test_a_rename_is_kept_in_its_history():
    group = GroupFactory(name="Inter-Departmental Ministerial Group on Human Trafficking")
    group.name = "Modern Slavery Inter-Departmental Ministerial Group"
    group.save()

    names = [record.name for record in group.history.order_by("history_date")]
    assert names == [
        "Inter-Departmental Ministerial Group on Human Trafficking",
        "Modern Slavery Inter-Departmental Ministerial Group",
    ]

import pytest
from django.db.models import ProtectedError

from actions.models import ActionOwner
from tests.factories import ActionFactory, ActionOwnerFactory, DepartmentFactory

pytestmark = pytest.mark.django_db


def test_it_reads_as_the_department():
    ownership = ActionOwnerFactory(department=DepartmentFactory(short_name="UKHTC"))

    assert str(ownership) == "UKHTC"


def test_a_lead_owner_says_so():
    ownership = ActionOwnerFactory(department=DepartmentFactory(short_name="Home Office"), is_lead=True)

    assert str(ownership) == "Home Office (lead)"


def test_an_owner_does_not_lead_unless_told():
    assert ActionOwnerFactory().is_lead is False


def test_owners_are_listed_lead_first_then_in_order():
    action = ActionFactory()
    ago = ActionOwnerFactory(action=action, position=1)
    cps = ActionOwnerFactory(action=action, position=2)
    moj = ActionOwnerFactory(action=action, position=3, is_lead=True)

    assert list(action.ownerships.all()) == [moj, ago, cps]


def test_deleting_an_action_deletes_its_ownerships():
    ownership = ActionOwnerFactory()

    ownership.action.delete()

    assert not ActionOwner.objects.exists()


def test_a_department_that_owns_an_action_cannot_be_deleted():
    ownership = ActionOwnerFactory()

    with pytest.raises(ProtectedError):
        ownership.department.delete()


def test_named_per_action_gives_each_action_its_owners_lead_first_and_its_lead():
    first, second, unowned = ActionFactory(), ActionFactory(), ActionFactory()
    first.set_owners(
        [DepartmentFactory(short_name="AGO"), DepartmentFactory(short_name="CPS"), DepartmentFactory(short_name="MoJ")],
        lead=None,
    )
    ActionOwnerFactory(action=second, department=DepartmentFactory(short_name="FCO"), position=1)
    ActionOwnerFactory(action=second, department=DepartmentFactory(short_name="Home Office"), position=2, is_lead=True)

    rows = {row["action_id"]: (row["names"], row["lead"]) for row in ActionOwner.objects.named_per_action()}

    assert rows == {first.pk: ("AGO, CPS, MoJ", None), second.pk: ("Home Office, FCO", "Home Office")}
    assert unowned.pk not in rows


def test_named_per_action_reads_only_the_ownerships_it_is_given():
    kept, left_out = ActionOwnerFactory(), ActionOwnerFactory()

    rows = ActionOwner.objects.filter(action=kept.action).named_per_action()

    assert [row["action_id"] for row in rows] == [kept.action_id]
    assert left_out.action_id != kept.action_id

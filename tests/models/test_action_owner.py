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

import datetime

import pytest
from django.db import IntegrityError

from members.models import Membership
from tests.factories import ContactFactory, GroupFactory, MembershipFactory, PersonFactory, RepresentativeFactory

pytestmark = pytest.mark.django_db

MARCH_2013 = datetime.date(2013, 3, 11)


def test_a_member_is_represented_by_whoever_was_its_usual_representative_on_the_day():
    membership = MembershipFactory()
    RepresentativeFactory(
        membership=membership, person=PersonFactory(name="Damian Green MP"), since=datetime.date(2012, 1, 1)
    )
    RepresentativeFactory(
        membership=membership, person=PersonFactory(name="Mark Harper MP"), since=datetime.date(2012, 9, 4)
    )

    assert str(membership.representative_on(datetime.date(2012, 4, 17))) == "Damian Green MP"
    assert str(membership.representative_on(MARCH_2013)) == "Mark Harper MP"
    assert membership.representative_on(datetime.date(2011, 12, 31)) is None


def test_the_usual_representative_is_annotated_in_one_query(django_assert_num_queries):
    first, second = MembershipFactory(), MembershipFactory()
    harper = RepresentativeFactory(membership=first, since=datetime.date(2012, 9, 4)).person
    RepresentativeFactory(membership=second, since=datetime.date(2014, 1, 1))

    with django_assert_num_queries(1):
        members = {m.pk: m.representative_id for m in Membership.objects.with_representative_on(MARCH_2013)}

    assert members == {first.pk: harper.pk, second.pk: None}


def test_members_current_on_a_date_leave_out_those_not_yet_joined_or_already_left():
    group = GroupFactory()
    always = MembershipFactory(group=group)
    joined_later = MembershipFactory(group=group, joined_on=datetime.date(2014, 1, 1))
    left = MembershipFactory(group=group, left_on=datetime.date(2013, 1, 1))

    current = set(Membership.objects.of(group).current_on(MARCH_2013))

    assert always in current
    assert joined_later not in current
    assert left not in current


def test_a_department_is_a_member_of_a_group_once():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError):
        MembershipFactory(group=membership.group, department=membership.department)


def test_a_membership_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        MembershipFactory(joined_on=MARCH_2013, left_on=datetime.date(2013, 1, 1))


def test_a_contact_is_listed_once_per_member_but_one_address_may_serve_two_departments():
    contact = ContactFactory(email="private.office@example.gov.uk")
    ContactFactory(email="private.office@example.gov.uk")
    with pytest.raises(IntegrityError):
        ContactFactory(membership=contact.membership, email="private.office@example.gov.uk")


def test_changes_to_membership_are_kept_in_the_history():
    contact = ContactFactory(name="Private Office")
    contact.name = "Minister's Private Office"
    contact.save()

    assert [h.name for h in contact.history.all()] == ["Minister's Private Office", "Private Office"]

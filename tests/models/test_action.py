import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import clear_script_prefix, reverse, set_script_prefix
from django.utils import timezone

from actions.models import REGISTER_ROW, Action, ActionOwner, Status
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    DepartmentFactory,
    MeetingFactory,
    UpdateFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def departments():
    return {name: DepartmentFactory(short_name=name) for name in ["MOJ", "AGO", "CPS"]}


def test_its_address_is_its_page_whatever_the_script_prefix():
    action = ActionFactory.build(pk=42)

    assert action.get_absolute_url() == reverse("actions:action", args=[42]) == "/actions/42/"
    set_script_prefix("/idmg/")
    try:
        assert action.get_absolute_url() == "/idmg/actions/42/"
    finally:
        clear_script_prefix()


def test_its_meeting_is_set_from_its_agenda_item():
    item = AgendaItemFactory()

    action = ActionFactory(agenda_item=item)

    assert action.meeting == item.meeting


def test_clean_refuses_moving_it_to_another_meetings_agenda_item():
    action = ActionFactory()
    action.agenda_item = AgendaItemFactory(meeting=MeetingFactory())

    with pytest.raises(ValidationError) as refused:
        action.clean()

    assert refused.value.message_dict == {
        "agenda_item": ["Choose an agenda item of the meeting the action was raised at"]
    }


def test_saving_it_into_another_meetings_agenda_item_is_refused():
    action = ActionFactory()
    action.agenda_item = AgendaItemFactory(meeting=MeetingFactory())

    with pytest.raises(ValidationError):
        action.save()


def test_it_may_move_to_another_agenda_item_of_its_meeting():
    action = ActionFactory()
    action.agenda_item = AgendaItemFactory(meeting=action.meeting)

    action.clean()
    action.save()
    action.refresh_from_db()

    assert action.agenda_item.meeting == action.meeting


def test_actions_keep_their_order_within_an_agenda_item():
    item = AgendaItemFactory()
    first, second = ActionFactory(agenda_item=item), ActionFactory(agenda_item=item)
    ActionFactory(agenda_item=AgendaItemFactory(meeting=item.meeting))

    assert list(item.actions.all()) == [first, second]
    assert (first.position, second.position) == (1, 2)


def test_an_action_cannot_be_due_by_a_date_and_at_the_next_meeting():
    with pytest.raises(IntegrityError, match="action_due_by_date_or_at_next_meeting_not_both"), transaction.atomic():
        ActionFactory(due_date=datetime.date(2013, 4, 30), due_at_next_meeting=True)


def test_clean_refuses_a_date_and_the_next_meeting_together():
    action = ActionFactory.build(
        agenda_item=AgendaItemFactory(), due_date=datetime.date(2013, 4, 30), due_at_next_meeting=True
    )

    with pytest.raises(ValidationError) as raised:
        action.clean()

    assert raised.value.messages == ["An action is due by a date or at the next meeting, not both."]


@pytest.mark.parametrize(
    ("due_date", "due_at_next_meeting"), [(datetime.date(2013, 4, 30), False), (None, True), (None, False)]
)
def test_clean_accepts_one_way_of_being_due_or_none(due_date, due_at_next_meeting):
    ActionFactory.build(due_date=due_date, due_at_next_meeting=due_at_next_meeting).clean()


def test_clean_refuses_a_due_date_before_the_meeting_that_raised_it():
    item = AgendaItemFactory(meeting=MeetingFactory(date=datetime.date(2013, 3, 11)))
    action = ActionFactory.build(agenda_item=item, due_date=datetime.date(2013, 3, 10))

    with pytest.raises(ValidationError) as raised:
        action.clean()

    assert raised.value.message_dict == {
        "due_date": ["The due date must be on or after the meeting that raised it, 11 March 2013"]
    }


def test_clean_accepts_an_action_due_on_the_day_of_its_meeting():
    item = AgendaItemFactory(meeting=MeetingFactory(date=datetime.date(2013, 3, 11)))

    ActionFactory(agenda_item=item, due_date=datetime.date(2013, 3, 11)).clean()


def test_an_action_longer_than_any_minutes_have_is_refused():
    action = ActionFactory.build(agenda_item=AgendaItemFactory(), text="a" * 2_001)

    with pytest.raises(ValidationError) as raised:
        action.full_clean(exclude=["meeting", "number"])

    assert list(raised.value.message_dict) == ["text"]


def test_set_owners_keeps_the_order_given_and_marks_the_lead(departments):
    action = ActionFactory()

    action.set_owners([departments["MOJ"], departments["AGO"], departments["CPS"]], lead=departments["MOJ"])

    ownerships = list(action.ownerships.all())
    assert [ownership.department.short_name for ownership in ownerships] == ["MOJ", "AGO", "CPS"]
    assert [ownership.position for ownership in ownerships] == [1, 2, 3]
    assert [ownership.is_lead for ownership in ownerships] == [True, False, False]
    assert action.lead == departments["MOJ"]


def test_the_owner_list_puts_the_lead_first(departments):
    action = ActionFactory()

    action.set_owners([departments["AGO"], departments["MOJ"], departments["CPS"]], lead=departments["MOJ"])

    assert [department.short_name for department in action.owner_list] == ["MOJ", "AGO", "CPS"]


def test_the_owners_are_named_in_one_line_lead_first_and_marked(departments):
    action = ActionFactory()

    action.set_owners([departments["AGO"], departments["MOJ"], departments["CPS"]], lead=departments["MOJ"])

    assert action.owners_display == "MOJ (lead), AGO, CPS"


def test_the_owners_of_an_action_without_a_lead_are_named_unmarked(departments):
    action = ActionFactory()

    action.set_owners([departments["AGO"], departments["CPS"]])

    assert action.owners_display == "AGO, CPS"


def test_set_owners_without_a_lead_marks_none(departments):
    action = ActionFactory()

    action.set_owners([departments["MOJ"], departments["AGO"]])

    assert action.lead is None
    assert not action.ownerships.filter(is_lead=True).exists()


def test_set_owners_replaces_the_previous_owners(departments):
    action = ActionFactory()
    action.set_owners([departments["MOJ"], departments["AGO"]], lead=departments["MOJ"])

    action.set_owners([departments["CPS"]], lead=departments["CPS"])

    assert list(action.owners.all()) == [departments["CPS"]]
    assert ActionOwner.objects.filter(action=action).count() == 1


def test_only_one_owner_may_lead(departments):
    action = ActionFactory()
    ActionOwnerFactory(action=action, department=departments["MOJ"], is_lead=True)

    with pytest.raises(IntegrityError), transaction.atomic():
        ActionOwnerFactory(action=action, department=departments["AGO"], is_lead=True)


def test_each_of_two_actions_may_have_its_own_lead(departments):
    ActionOwnerFactory(action=ActionFactory(), department=departments["MOJ"], is_lead=True)
    ActionOwnerFactory(action=ActionFactory(), department=departments["MOJ"], is_lead=True)

    assert ActionOwner.objects.filter(is_lead=True).count() == 2


def test_the_same_department_cannot_own_an_action_twice(departments):
    action = ActionFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        action.set_owners([departments["MOJ"], departments["MOJ"]])


def test_due_display_for_the_next_meeting():
    assert ActionFactory(due_at_next_meeting=True).due_display == "At the next meeting"


def test_due_display_for_a_date():
    assert ActionFactory(due_date=datetime.date(2013, 4, 3)).due_display == "3 April 2013"


def test_due_display_says_there_is_no_due_date():
    assert ActionFactory().due_display == "No due date"


def test_deleting_an_agenda_item_deletes_its_actions():
    action = ActionFactory()

    action.agenda_item.delete()

    assert not type(action).objects.exists()


def test_register_rows_are_the_querysets_actions_in_its_order_with_owners_and_latest_update(departments):
    meeting = MeetingFactory(date=datetime.date(2013, 3, 11))
    item = AgendaItemFactory(meeting=meeting, number=6, title="Country reports")
    first = ActionFactory(agenda_item=item, text="Scope connections", due_date=datetime.date(2013, 6, 1))
    first.set_owners([departments["MOJ"], departments["AGO"]], lead=departments["AGO"])
    UpdateFactory(action=first, text="Work has started", reported_at=meeting)
    second = ActionFactory(agenda_item=item, text="Report back", due_at_next_meeting=True)
    ActionFactory(agenda_item=item, text="Not selected")

    rows = list(Action.objects.exclude(text="Not selected").with_due().order_by("-number").register_rows())

    assert [dict(zip(REGISTER_ROW, row, strict=True)) for row in rows] == [
        {
            "id": second.pk,
            "group_name": meeting.group.short_name,
            "date": "2013-03-11",
            "number": 2,
            "item_number": 6,
            "item_title": "Country reports",
            "text": "Report back",
            "due_on": None,
            "due_at_next_meeting": True,
            "status": "open",
            "is_overdue": False,
            "owners": None,
            "lead": None,
            "latest_update_on": None,
            "latest_update": None,
        },
        {
            "id": first.pk,
            "group_name": meeting.group.short_name,
            "date": "2013-03-11",
            "number": 1,
            "item_number": 6,
            "item_title": "Country reports",
            "text": "Scope connections",
            "due_on": "2013-06-01",
            "due_at_next_meeting": False,
            "status": "open",
            "is_overdue": True,
            "owners": "AGO, MOJ",
            "lead": "AGO",
            "latest_update_on": "2013-03-11",
            "latest_update": "Work has started",
        },
    ]


def test_register_rows_of_an_action_due_at_the_next_meeting_give_that_meetings_date(departments):
    raised = MeetingFactory(date=datetime.date(2013, 3, 11))
    MeetingFactory(group=raised.group, date=datetime.date(2013, 6, 10))
    ActionFactory(agenda_item=AgendaItemFactory(meeting=raised), due_at_next_meeting=True)

    [row] = Action.objects.with_due().register_rows()

    assert dict(zip(REGISTER_ROW, row, strict=True))["due_on"] == "2013-06-10"


def test_register_rows_come_in_one_query_however_many_chunks(django_assert_num_queries, departments):
    item = AgendaItemFactory()
    for action in ActionFactory.create_batch(5, agenda_item=item):
        action.set_owners([departments["MOJ"]], lead=departments["MOJ"])
    actions = Action.objects.with_due().order_by("number")
    setting_memory = 1 if connection.vendor == "postgresql" else 0

    with django_assert_num_queries(1 + setting_memory):
        rows = list(actions.register_rows(chunk_size=2))

    assert [row[3] for row in rows] == [1, 2, 3, 4, 5]


def test_recently_closed_are_the_done_and_dropped_actions_latest_closed_first():
    item = AgendaItemFactory()
    done = ActionFactory(agenda_item=item, status=Status.DONE, closed_on=datetime.date(2013, 6, 10))
    dropped = ActionFactory(agenda_item=item, status=Status.DROPPED, closed_on=datetime.date(2013, 9, 9))
    same_day = ActionFactory(agenda_item=item, status=Status.DONE, closed_on=datetime.date(2013, 9, 9))
    ActionFactory(agenda_item=item, status=Status.IN_PROGRESS)

    assert list(Action.objects.recently_closed()) == [same_day, dropped, done]


def test_a_table_of_actions_comes_in_one_query_with_owners_and_latest_updates(django_assert_num_queries, departments):
    item = AgendaItemFactory()
    for action in ActionFactory.create_batch(3, agenda_item=item):
        action.set_owners([departments["MOJ"]], lead=departments["MOJ"])
        UpdateFactory(action=action, text=f"Update on A{action.number}")

    with django_assert_num_queries(1):
        actions = list(Action.objects.for_table().order_by("number"))
        rows = [(action.reference, action.owner_names, action.latest_update_text) for action in actions]

    assert rows[0][1:] == ("MOJ (lead)", "Update on A1")


def test_a_table_of_actions_names_the_owners_and_the_latest_update_as_the_action_does(departments):
    action = ActionFactory()
    action.set_owners([departments["AGO"], departments["MOJ"]], lead=departments["MOJ"])
    later = MeetingFactory(group=action.meeting.group, date=timezone.localdate() + datetime.timedelta(days=30))
    UpdateFactory(action=action, text="Given at the next meeting, typed up early", reported_at=later)
    UpdateFactory(action=action, text="Recorded since, of today")
    UpdateFactory(action=action, text="Withdrawn", withdrawn_at=timezone.now(), withdrawal_reason="In error")
    listed = Action.objects.for_listing().get()

    row = Action.objects.for_table().get()

    assert row.owner_names == listed.owners_display == "MOJ (lead), AGO"
    assert (row.latest_update_text, row.latest_update_on) == (
        listed.latest_update.text,
        listed.latest_update.happened_on,
    )


def test_a_table_of_actions_says_none_for_an_action_without_owners_or_updates():
    ActionFactory()

    row = Action.objects.for_table().get()

    assert (row.owner_names, row.latest_update_text, row.latest_update_on) == ("", None, None)

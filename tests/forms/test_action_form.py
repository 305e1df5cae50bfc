import datetime

import pytest

from actions.forms import ActionForm
from meetings.models import Department
from tests.factories import ActionFactory, AgendaItemFactory, DepartmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item():
    return AgendaItemFactory(number=2)


def action_data(**changes):
    data = {
        "text": "MOJ and AGO/CPS to undertake further work to explore prosecutions",
        "owners": "MOJ, AGO, CPS",
        "first_owner_leads": "on",
        "due": "none",
        "due_date_day": "",
        "due_date_month": "",
        "due_date_year": "",
        "add_departments": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def save(item, instance=None, **changes):
    opened = {"version": instance.version} if instance else {}
    form = ActionForm(data=action_data(**changes) | opened, instance=instance, agenda_item=item)
    assert form.is_valid(), form.errors
    return form.save()


def owner_names(action):
    return [ownership.department.short_name for ownership in action.ownerships.order_by("position")]


def test_it_adds_an_action_beside_the_agenda_item(item):
    action = save(item)

    action.refresh_from_db()
    assert action.agenda_item == item
    assert action.meeting == item.meeting
    assert action.text == "MOJ and AGO/CPS to undertake further work to explore prosecutions"


def test_an_action_needs_its_text(item):
    form = ActionForm(data=action_data(text=""), agenda_item=item)

    assert form.errors == {"text": ["Enter the action"]}


def test_owners_are_split_on_commas_in_the_order_given(item):
    action = save(item, owners=" MOJ ,AGO,  CPS ")

    assert owner_names(action) == ["MOJ", "AGO", "CPS"]


def test_the_first_owner_leads_when_ticked(item):
    action = save(item, owners="Home Office, UKHTC", first_owner_leads="on")

    assert action.lead.short_name == "Home Office"
    assert action.ownerships.filter(is_lead=True).count() == 1


def test_no_owner_leads_when_unticked(item):
    action = save(item, owners="Home Office, UKHTC", first_owner_leads=None)

    assert action.lead is None
    assert owner_names(action) == ["Home Office", "UKHTC"]


def test_owners_reuse_known_departments_and_create_new_ones(item):
    moj = DepartmentFactory(short_name="MOJ", name="Ministry of Justice")

    action = save(item, owners="ministry of justice, Gangmasters Licensing Authority")

    assert list(action.owners.order_by("action_ownerships__position")) == [
        moj,
        Department.objects.get(short_name="Gangmasters Licensing Authority"),
    ]


def test_it_refuses_a_department_named_twice(item):
    form = ActionForm(data=action_data(owners="MOJ, AGO, moj"), agenda_item=item)

    assert form.errors == {"owners": ["Name each owning department once"]}


@pytest.mark.parametrize("owners", ["", " , ,"])
def test_it_needs_at_least_one_owner(item, owners):
    form = ActionForm(data=action_data(owners=owners), agenda_item=item)

    assert form.errors == {"owners": ["Enter at least one owning department"]}


def test_by_a_date_without_a_date_is_an_error_at_the_due_date(item):
    form = ActionForm(data=action_data(due="date"), agenda_item=item)

    assert form.errors == {"due_date": ["Enter the date the action is due"]}


def test_by_a_date_with_an_impossible_date_gives_only_the_date_error(item):
    form = ActionForm(
        data=action_data(due="date", due_date_day="31", due_date_month="4", due_date_year="2013"), agenda_item=item
    )

    assert form.errors == {"due_date": ["Due date must be a real date"]}


def test_by_a_date_sets_the_due_date(item):
    action = save(item, due="date", due_date_day="30", due_date_month="4", due_date_year="2013")

    action.refresh_from_db()
    assert action.due_date == datetime.date(2013, 4, 30)
    assert action.due_at_next_meeting is False


def test_at_the_next_meeting_sets_it_and_clears_any_date_typed(item):
    action = save(item, due="next_meeting", due_date_day="30", due_date_month="4", due_date_year="2013")

    action.refresh_from_db()
    assert action.due_at_next_meeting is True
    assert action.due_date is None


def test_no_due_date_clears_both(item):
    existing = ActionFactory(agenda_item=item, due_at_next_meeting=True)

    action = save(item, instance=existing, due="none")

    action.refresh_from_db()
    assert (action.due_date, action.due_at_next_meeting) == (None, False)


def test_editing_keeps_the_initial_values(item):
    action = ActionFactory(agenda_item=item, due_date=datetime.date(2013, 4, 30))
    action.set_owners([DepartmentFactory(short_name="MOJ"), DepartmentFactory(short_name="AGO")])
    action.ownerships.filter(department__short_name="MOJ").update(is_lead=True)

    form = ActionForm(instance=action, agenda_item=item)

    assert form["text"].value() == action.text
    assert form["owners"].value() == "MOJ, AGO"
    assert form["first_owner_leads"].value() is True
    assert form["due"].value() == "date"
    assert form["due_date"].value() == datetime.date(2013, 4, 30)


def test_editing_an_action_without_a_lead_leaves_the_box_unticked(item):
    action = ActionFactory(agenda_item=item, due_at_next_meeting=True)
    action.set_owners([DepartmentFactory(short_name="Home Office"), DepartmentFactory(short_name="UKHTC")])

    form = ActionForm(instance=action, agenda_item=item)

    assert form["first_owner_leads"].value() is False
    assert form["due"].value() == "next_meeting"


def test_a_new_action_starts_with_no_due_date_and_the_first_owner_leading(item):
    form = ActionForm(agenda_item=item)

    assert form["due"].value() == "none"
    assert form["first_owner_leads"].value() is True


def test_editing_replaces_the_owners(item):
    action = save(item, owners="MOJ, AGO, CPS")

    save(item, instance=action, owners="CPS, MOJ")

    assert owner_names(action) == ["CPS", "MOJ"]
    assert action.lead.short_name == "CPS"


def test_owners_not_on_record_must_be_confirmed_as_new(item):
    DepartmentFactory(short_name="MOJ", name="Ministry of Justice")

    form = ActionForm(data=action_data(owners="MOJ, AGOO, Gangmasters", add_departments=None), agenda_item=item)

    assert form.errors == {
        "owners": [
            "“AGOO” and “Gangmasters” are not departments on record. "
            "Check the spelling, or confirm below that they are new departments"
        ]
    }
    assert form["add_departments"].label == "Add “AGOO” and “Gangmasters” as new departments"
    assert list(Department.objects.values_list("short_name", flat=True)) == ["MOJ"]


def test_an_owner_name_longer_than_a_department_name_can_be_is_refused(item):
    form = ActionForm(
        data=action_data(
            owners="MOJ and AGO/CPS to undertake further work to explore prosecutions in Human Trafficking"
        ),
        agenda_item=item,
    )

    assert form.errors == {
        "owners": [
            "“MOJ and AGO/CPS to undertake f…” is too long for a department's name: separate departments with commas"
        ]
    }


def test_an_owner_may_be_named_by_a_full_name_longer_than_a_short_one(item):
    DepartmentFactory(short_name="BIS", name="Department for Business Innovation and Skills and its executive agencies")

    action = save(item, owners="department for business innovation and skills and its executive agencies")

    assert owner_names(action) == ["BIS"]


def test_a_due_day_too_big_for_any_date_is_an_error_at_the_due_date(item):
    form = ActionForm(
        data=action_data(due="date", due_date_day="2147483648", due_date_month="4", due_date_year="2013"),
        agenda_item=item,
    )

    assert form.errors == {"due_date": ["Due date must be a real date"]}


def test_a_due_date_before_the_meeting_that_raised_it_is_an_error_at_the_due_date(item):
    form = ActionForm(
        data=action_data(due="date", due_date_day="10", due_date_month="3", due_date_year="2013"), agenda_item=item
    )

    assert form.errors == {"due_date": ["The due date must be on or after the meeting that raised it, 11 March 2013"]}


def test_an_action_too_long_is_refused_at_the_field_and_kept_in_the_box(item):
    text = "MOJ to explore prosecutions. " * 70

    form = ActionForm(data=action_data(text=text), agenda_item=item)

    assert form.errors == {"text": ["Action must be 2,000 characters or less"]}
    assert form["text"].value() == text

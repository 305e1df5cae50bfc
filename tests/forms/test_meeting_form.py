import datetime

import pytest

from meetings.forms import MeetingForm
from tests.factories import GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def meeting_data(**changes):
    data = {
        "date_day": "17",
        "date_month": "4",
        "date_year": "2012",
        "start_time": "10.30 am",
        "end_time": "12pm",
        "place": "Home Office",
        "next_meeting_date_day": "13",
        "next_meeting_date_month": "9",
        "next_meeting_date_year": "2012",
        "next_meeting_start_time": "10:30",
        "next_meeting_end_time": "12:00",
        "next_meeting_place": "the Home Office",
    }
    data.update(changes)
    return data


def test_it_saves_a_meeting_as_the_minutes_give_it():
    form = MeetingForm(data=meeting_data(), instance=MeetingFactory.build(group=GroupFactory()))

    assert form.is_valid(), form.errors
    meeting = form.save()

    meeting.refresh_from_db()
    assert meeting.date == datetime.date(2012, 4, 17)
    assert (meeting.start_time, meeting.end_time) == (datetime.time(10, 30), datetime.time(12))
    assert meeting.place == "Home Office"
    assert meeting.next_meeting_date == datetime.date(2012, 9, 13)
    assert meeting.next_meeting_start_time == datetime.time(10, 30)
    assert meeting.next_meeting_end_time == datetime.time(12)
    assert meeting.next_meeting_place == "the Home Office"


def test_only_the_date_is_required():
    data = {"date_day": "11", "date_month": "3", "date_year": "2013"}

    form = MeetingForm(data=data)

    assert form.is_valid(), form.errors


def test_a_missing_date_asks_for_the_date_of_the_meeting():
    form = MeetingForm(data=meeting_data(date_day="", date_month="", date_year=""))

    assert form.errors["date"] == ["Enter the date of the meeting"]


def test_a_partial_date_names_what_is_missing():
    form = MeetingForm(data=meeting_data(date_year=""))

    assert form.errors["date"] == ["Date of the meeting must include a year"]


@pytest.mark.parametrize("end_time", ["10am", "10:30"])
def test_an_end_before_or_at_the_start_is_an_error_at_the_end_time(end_time):
    form = MeetingForm(data=meeting_data(start_time="10:30", end_time=end_time))

    assert form.errors == {"end_time": ["End time must be after the start time"]}


def test_an_end_before_the_start_has_one_message_and_not_the_constraints_too():
    form = MeetingForm(
        data=meeting_data(start_time="10:30", end_time="10am", next_meeting_date_day="16", next_meeting_date_month="4")
    )

    assert form.errors == {
        "end_time": ["End time must be after the start time"],
        "next_meeting_date": ["The next meeting must be after this one"],
    }


def test_the_next_meeting_ending_before_it_starts_is_an_error_at_its_end_time():
    form = MeetingForm(data=meeting_data(next_meeting_start_time="2pm", next_meeting_end_time="1pm"))

    assert form.errors == {"next_meeting_end_time": ["End time must be after the start time"]}


@pytest.mark.parametrize("day", ["16", "17"])
def test_the_next_meeting_before_or_on_the_day_of_this_one_is_an_error(day):
    form = MeetingForm(data=meeting_data(next_meeting_date_day=day, next_meeting_date_month="4"))

    assert form.errors == {"next_meeting_date": ["The next meeting must be after this one"]}


def test_an_unreadable_time_is_an_error_at_that_time():
    form = MeetingForm(data=meeting_data(start_time="25:00"))

    assert form.errors == {"start_time": ["Enter a time, like 10:30 or 2pm"]}


def test_editing_shows_the_saved_date_and_times():
    meeting = MeetingFactory(date=datetime.date(2013, 3, 11), start_time=datetime.time(14))

    form = MeetingForm(instance=meeting)

    assert form["date"].value() == datetime.date(2013, 3, 11)
    assert 'value="11"' in str(form["date"])
    assert 'value="14:00"' in str(form["start_time"])


def test_a_day_too_big_for_any_date_is_an_error_at_the_date():
    form = MeetingForm(data=meeting_data(date_day="2147483648"))

    assert form.errors == {"date": ["Date of the meeting must be a real date"]}


def test_a_next_meeting_day_too_big_for_any_date_is_an_error_at_that_date():
    form = MeetingForm(data=meeting_data(next_meeting_date_month="2147483648"))

    assert form.errors == {"next_meeting_date": ["Date of the next meeting must be a real date"]}


@pytest.mark.parametrize("field", ["next_meeting_start_time", "next_meeting_end_time"])
def test_a_next_meeting_time_without_its_date_is_an_error_at_the_date(field):
    times = {"next_meeting_start_time": "", "next_meeting_end_time": "", field: "2pm"}
    form = MeetingForm(
        data=meeting_data(next_meeting_date_day="", next_meeting_date_month="", next_meeting_date_year="", **times)
    )

    assert form.errors == {"next_meeting_date": ["Enter the date of the next meeting, or remove its time"]}


def test_midday_as_the_app_writes_it_is_read_as_a_time():
    form = MeetingForm(data=meeting_data(start_time="10am", end_time="midday"))

    assert form.is_valid(), form.errors
    assert form.cleaned_data["end_time"] == datetime.time(12)


def test_a_second_meeting_of_the_group_on_the_same_date_is_an_error_at_the_date():
    group = GroupFactory(short_name="IDMG")
    MeetingFactory(group=group, date=datetime.date(2012, 4, 17))

    form = MeetingForm(data=meeting_data(), instance=MeetingFactory.build(group=group))

    assert form.errors == {"date": ["IDMG already has a meeting on 17 April 2012"]}


def test_moving_a_meeting_onto_the_date_of_another_of_the_group_is_an_error_at_the_date():
    group = GroupFactory(short_name="IDMG")
    MeetingFactory(group=group, date=datetime.date(2012, 4, 17))
    meeting = MeetingFactory(group=group, date=datetime.date(2013, 3, 11))

    form = MeetingForm(data=meeting_data(version=meeting.version), instance=meeting)

    assert form.errors == {"date": ["IDMG already has a meeting on 17 April 2012"]}


def test_another_groups_meeting_on_the_same_date_is_no_error():
    MeetingFactory(date=datetime.date(2012, 4, 17))

    form = MeetingForm(data=meeting_data(), instance=MeetingFactory.build(group=GroupFactory()))

    assert form.is_valid(), form.errors


def test_a_refused_start_time_is_not_judged_by_the_start_time_saved_before():
    meeting = MeetingFactory(date=datetime.date(2012, 4, 17), start_time=datetime.time(14))

    form = MeetingForm(
        data=meeting_data(start_time="25:00", end_time="12pm", version=meeting.version), instance=meeting
    )

    assert form.errors == {"start_time": ["Enter a time, like 10:30 or 2pm"]}


def test_a_refused_next_meeting_date_has_only_its_own_message():
    form = MeetingForm(data=meeting_data(next_meeting_date_day="31", next_meeting_date_month="2"))

    assert form.errors == {"next_meeting_date": ["Date of the next meeting must be a real date"]}


def test_a_place_too_long_is_refused_at_the_field_and_kept_in_the_box():
    place = "Home Office, 2 Marsham Street, " * 7

    form = MeetingForm(data=meeting_data(place=place))

    assert form.errors == {"place": ["Place must be 200 characters or less"]}
    assert form["place"].value() == place
    assert "maxlength" not in str(form)

"""`manage.py sendreminders`: each department with outstanding actions is reminded once before the next meeting."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from circulation.models import Message, Reminder
from circulation.workdays import working_days_before
from meetings.models import Meeting, MinutesStatus

pytestmark = pytest.mark.django_db

# The next meeting is on Monday 10 June 2013: ten working days before it is Friday 24 May, as Monday 27 May
# was the spring bank holiday.
REMINDER_DAY = datetime.date(2013, 5, 24)


@pytest.fixture
def circulated(idmg):
    Meeting.objects.filter(pk=idmg.meeting.pk).update(status=MinutesStatus.CIRCULATED)
    return idmg


def send_reminders(on):
    output = StringIO()
    call_command("sendreminders", "--date", on.isoformat(), stdout=output)
    return output.getvalue()


def reminders():
    return Message.objects.filter(purpose=Message.Purpose.REMINDER)


def test_ten_working_days_before_a_monday_is_the_monday_two_weeks_earlier():
    assert working_days_before(datetime.date(2013, 7, 15), 10) == datetime.date(2013, 7, 1)
    assert working_days_before(datetime.date(2013, 7, 15), 1) == datetime.date(2013, 7, 12)


def test_a_bank_holiday_monday_is_not_a_working_day():
    assert working_days_before(datetime.date(2013, 6, 10), 10) == REMINDER_DAY
    assert working_days_before(datetime.date(2013, 5, 28), 1) == datetime.date(2013, 5, 24)


def test_christmas_boxing_day_and_new_years_day_are_not_working_days():
    # Wednesday 25 and Thursday 26 December 2013, and Wednesday 1 January 2014.
    assert working_days_before(datetime.date(2014, 1, 8), 7) == datetime.date(2013, 12, 27)
    assert working_days_before(datetime.date(2014, 1, 8), 8) == datetime.date(2013, 12, 24)


def test_good_friday_and_easter_monday_are_not_working_days():
    # Easter 2014: Good Friday 18 April, Easter Monday 21 April.
    assert working_days_before(datetime.date(2014, 4, 23), 2) == datetime.date(2014, 4, 17)


def test_the_substitute_day_for_christmas_on_a_weekend_is_not_a_working_day():
    # Christmas 2010 fell on a Saturday and Boxing Day on a Sunday: Monday 27 and Tuesday 28 were bank holidays.
    assert working_days_before(datetime.date(2010, 12, 30), 1) == datetime.date(2010, 12, 29)
    assert working_days_before(datetime.date(2010, 12, 29), 1) == datetime.date(2010, 12, 24)


def test_scotlands_bank_holidays_can_be_counted_out_instead(settings):
    settings.BANK_HOLIDAYS = "scotland"

    # 2 January is a bank holiday in Scotland, not in England; Easter Monday the other way round.
    assert working_days_before(datetime.date(2014, 1, 3), 1) == datetime.date(2013, 12, 31)
    assert working_days_before(datetime.date(2014, 4, 22), 1) == datetime.date(2014, 4, 21)


def test_a_reminder_due_date_falls_back_over_a_bank_holiday_monday(circulated):
    send_reminders(datetime.date(2013, 5, 23))
    assert not reminders().exists()

    send_reminders(datetime.date(2013, 5, 24))
    assert reminders().exists()


def test_each_department_with_outstanding_actions_is_reminded(circulated):
    output = send_reminders(REMINDER_DAY)

    assert output.strip() == "Reminded 3 departments."
    assert sorted(reminders().values_list("department__short_name", "to")) == [
        ("Home Office", "jo.lead@homeoffice.gov.uk"),
        ("Home Office", "po@homeoffice.gov.uk"),
        ("MOJ", "po@justice.gov.uk"),
        ("Scottish Government", "po@gov.scot"),
    ]
    assert len(mail.outbox) == 4
    moj = reminders().get(department=circulated.moj)
    assert moj.subject == (
        "Inter-Departmental Ministerial Group on Human Trafficking: updates wanted on MOJ's actions before the "
        "meeting of 10 June 2013"
    )
    assert moj.meeting == circulated.later


def test_a_reminder_is_sent_once_however_often_it_runs(circulated):
    send_reminders(REMINDER_DAY)
    sent = len(mail.outbox)

    output = send_reminders(REMINDER_DAY + datetime.timedelta(days=1))

    assert output.strip() == "Reminded 0 departments."
    assert len(mail.outbox) == sent
    assert Reminder.objects.count() == 3


def test_none_is_sent_before_the_reminder_day(circulated):
    send_reminders(REMINDER_DAY - datetime.timedelta(days=1))

    assert not reminders().exists()


def test_a_department_with_nothing_outstanding_gets_none(circulated):
    send_reminders(REMINDER_DAY)

    assert not reminders().filter(department=circulated.dfe).exists()
    assert not reminders().filter(to="po@homeoffice.gov.uk", department=circulated.dfe).exists()


def test_a_successor_department_is_reminded_of_its_predecessors_actions(circulated):
    send_reminders(REMINDER_DAY)

    scotland = reminders().get(department=circulated.scotland)
    assert "Scotland to report back on the new legislation" in scotland.text_body


def test_overdue_actions_come_first(circulated):
    send_reminders(REMINDER_DAY)

    body = reminders().get(department=circulated.moj).text_body
    assert body.index("Overdue:") < body.index("MOJ to produce a leaflet") < body.index("Outstanding:")
    assert body.index("Outstanding:") < body.index("Home Office and MOJ to share the referral figures")


def test_draft_minutes_are_never_in_a_reminder(idmg):
    send_reminders(REMINDER_DAY)

    assert not reminders().filter(department=idmg.moj).exists()
    for message in reminders():
        assert "A draft action nobody else may read" not in message.text_body


def test_the_group_sets_how_many_working_days_before(circulated):
    circulated.group.reminder_working_days = 3
    circulated.group.save()

    send_reminders(REMINDER_DAY)
    assert not reminders().exists()
    send_reminders(datetime.date(2013, 6, 5))
    assert reminders().exists()


def test_a_department_user_is_reminded_at_their_own_address_with_their_departments_contacts(
    circulated, department_users
):
    send_reminders(REMINDER_DAY)

    assert sorted(reminders().filter(department=circulated.moj).values_list("to_name", "to")) == [
        ("Ann Smith", "ann.smith@justice.gov.uk"),
        ("MOJ private office", "po@justice.gov.uk"),
    ]
    assert sorted(reminders().filter(department=circulated.home_office).values_list("to", flat=True)) == [
        "jo.lead@homeoffice.gov.uk",
        "po@homeoffice.gov.uk",
    ]
    assert not reminders().filter(to__in=["cy@justice.gov.uk", "di@dwp.gov.uk"]).exists()


def test_a_department_with_only_a_department_user_is_reminded(circulated, department_users):
    from members.models import Contact

    Contact.objects.filter(membership__department=circulated.moj).delete()

    send_reminders(REMINDER_DAY)

    assert list(reminders().filter(department=circulated.moj).values_list("to", flat=True)) == [
        "ann.smith@justice.gov.uk"
    ]

"""Matters arising: reviewing earlier meetings' open actions on the recording page, and in the minutes."""

import datetime
import io
import json
import re

import pytest
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertHTMLEqual, assertNotContains, assertRedirects

from actions.forms import UpdateForm
from actions.models import Action, Status, Update
from meetings.models import Group, Meeting
from tests.factories import (
    ActionFactory,
    ActionOwnerFactory,
    AgendaItemFactory,
    AttendeeFactory,
    GroupFactory,
    MeetingFactory,
    ParagraphFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

# The session and the user; the meeting with its group, loaded once; the groups the user serves;
# its corrections, attendees, apologies, agenda items, paragraphs, actions and their owners; the
# next item number; the counts of matters arising; a page of them with their owners and updates;
# the group's secretariat, who sign their updates as such; whether the register can be started from
# the members or the last meeting.
RECORD_QUERIES = 19
# The session and the user; the meeting with its group, corrections, attendees, apologies, agenda
# items, paragraphs, actions and their owners; whether the user serves its group; the counts of
# matters arising; a page of those reviewed, with their owners and updates.
MINUTES_QUERIES = 15
# The session and the user; the meeting with its group; the groups the user serves; the action
# with its owners and updates, to check the update; saving the update and the action, with their
# savepoints and history (8); the counts of matters arising; the user's department, to sign the
# update (whether they are on the secretariat is known already). The action is not fetched again:
# it is shown as saved. (Without JavaScript, also the actions before it, for the page to go back to.)
ROW_QUERIES = 17
# Adding an attendee with htmx: checking, saving and answering with the new row and the add form,
# without the matters arising.
ATTENDEE_ADDED_QUERIES = 17
RECORD_PAGE = 25
MINUTES_PAGE = 50

JUNE_2013 = datetime.date(2013, 6, 10)


@pytest.fixture
def demo():
    call_command("loaddemo", stdout=io.StringIO())
    return Group.objects.get(short_name="IDMG")


@pytest.fixture
def meeting(demo):
    """The IDMG meeting after 11 March 2013, not yet minuted."""
    return MeetingFactory(group=demo, date=JUNE_2013)


def record_url(meeting):
    return f"/meetings/{meeting.pk}/record/"


def update_url(meeting, action):
    return f"/meetings/{meeting.pk}/matters-arising/{action.pk}/"


def update(action, **fields):
    """What the form of one action under matters arising posts, opened at the action's version."""
    fields = {"version": action.version} | fields
    return {f"arising-{action.pk}-{name}": value for name, value in fields.items()}


def arising(response):
    """The references listed under matters arising, in order."""
    html = response.content.decode()
    section = html[html.index('<section id="matters-arising"') :]
    section = section[: section.index("</section>")]
    return re.findall(r'<a class="govuk-link" href="/actions/\d+/">([^<]+)</a>', section)


def demo_action(number, year=2013):
    return Action.objects.get(meeting__date__year=year, number=number)


def test_the_record_page_lists_the_open_actions_of_earlier_meetings_oldest_first(secretariat_client, meeting):
    response = secretariat_client.get(record_url(meeting))

    assert arising(response) == ["IDMG 2012-04 A1"] + [f"IDMG 2013-03 A{number}" for number in range(1, 11)]
    assertContains(response, "UKHTC to provide further information on internal trafficking.")
    assertContains(response, "Scotland to report back to the Group on the work they are doing with companies")


def test_each_action_arising_has_its_own_form(secretariat_client, meeting):
    action = demo_action(4)

    response = secretariat_client.get(record_url(meeting))

    assertContains(response, f'<div class="app-record-item" id="arising-{action.pk}">')
    assertContains(response, f'data-hx-post="{update_url(meeting, action)}"')
    assertContains(response, f'name="arising-{action.pk}-status"')
    assertContains(response, f'name="arising-{action.pk}-text"')


@pytest.mark.parametrize("status", [Status.OPEN, Status.IN_PROGRESS])
def test_each_blank_update_form_is_written_as_the_form_kit_renders_it(secretariat_client, meeting, status):
    action = demo_action(4)
    Action.objects.filter(pk=action.pk).update(status=status, version=7)
    action.refresh_from_db()

    html = secretariat_client.get(record_url(meeting)).content.decode()

    row = html[html.index(f'id="arising-{action.pk}"') :]
    written = row[row.index("</legend>") + len("</legend>") : row.index("</fieldset>\n    <button")]
    assertHTMLEqual(written, str(UpdateForm(action=action, meeting=meeting, prefix=f"arising-{action.pk}")))


def test_recording_an_update_with_htmx_returns_the_row_alone_with_the_count_beside_it(
    secretariat_client, meeting, htmx_headers
):
    action = demo_action(4)

    response = secretariat_client.post(
        update_url(meeting, action),
        update(action, status="in_progress", text="Frontline organisations listed."),
        headers=htmx_headers,
    )

    html = response.content.decode()
    assert html.strip().startswith(f'<div class="app-record-item" id="arising-{action.pk}">')
    assert html.count('class="app-record-item"') == 1
    assert "Recorded at this meeting: <strong>In progress</strong>. Frontline organisations listed." in html
    assert f'data-hx-target="#arising-{action.pk}"' in html
    assert '<p class="govuk-body" id="matters-arising-count" data-hx-swap-oob="true">' in html
    assert "<strong>1</strong> has an update given at this meeting." in html
    assert "<html" not in html
    assert json.loads(response["HX-Trigger-After-Settle"]) == {
        "announce": {"message": "Update recorded on IDMG 2013-03 A4"}
    }


@pytest.mark.parametrize("status", [Status.IN_PROGRESS, Status.DONE])
def test_the_row_that_comes_back_after_an_update_is_the_row_the_page_then_shows(
    secretariat_client, meeting, htmx_headers, status
):
    action = demo_action(4)
    Action.objects.filter(pk=action.pk).update(due_date=meeting.date - datetime.timedelta(days=1))
    action.refresh_from_db()

    answered = secretariat_client.post(
        update_url(meeting, action), update(action, status=status, text="Checked."), headers=htmx_headers
    )
    page = secretariat_client.get(record_url(meeting))

    assert arising_row(answered, action) == arising_row(page, action)
    assert ("Overdue" in arising_row(answered, action)) == (status == Status.IN_PROGRESS)


def arising_row(response, action):
    html = response.content.decode()
    row = html[html.index(f'<div class="app-record-item" id="arising-{action.pk}">') :]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", row[: row.index("</form>")])


def test_the_update_is_tied_to_the_meeting_and_dated_by_it(secretariat_client, secretariat_user, meeting, htmx_headers):
    action = demo_action(4)

    secretariat_client.post(
        update_url(meeting, action),
        update(action, status="done", text="Frontline organisations listed."),
        headers=htmx_headers,
    )

    recorded = Update.objects.get()
    assert (recorded.action, recorded.reported_at, recorded.author) == (action, meeting, secretariat_user)
    assert (recorded.old_status, recorded.new_status) == (Status.OPEN, Status.DONE)
    assert recorded.happened_on == JUNE_2013
    action.refresh_from_db()
    assert (action.status, action.closed_on) == (Status.DONE, JUNE_2013)


def test_an_action_done_at_the_meeting_stays_in_its_matters_arising(secretariat_client, meeting):
    action = demo_action(4)
    secretariat_client.post(update_url(meeting, action), update(action, status="done", text="Finished."))

    response = secretariat_client.get(record_url(meeting))

    assert f"IDMG 2013-03 A{action.number}" in arising(response)
    assertContains(response, "Recorded at this meeting: <strong>Done</strong>. Finished.")


def test_an_action_done_at_the_meeting_is_not_carried_to_the_next(secretariat_client, meeting):
    action = demo_action(4)
    secretariat_client.post(update_url(meeting, action), update(action, status="done", text="Finished."))
    next_meeting = MeetingFactory(group=meeting.group, date=datetime.date(2013, 9, 9))

    response = secretariat_client.get(record_url(next_meeting))

    assert "IDMG 2013-03 A4" not in arising(response)
    assert len(arising(response)) == 10


def test_an_action_still_open_is_carried_to_the_next_meeting(secretariat_client, meeting):
    action = demo_action(4)
    secretariat_client.post(update_url(meeting, action), update(action, status="in_progress", text="Under way."))
    next_meeting = MeetingFactory(group=meeting.group, date=datetime.date(2013, 9, 9))

    response = secretariat_client.get(record_url(next_meeting))

    assert "IDMG 2013-03 A4" in arising(response)
    assert len(arising(response)) == 11


def test_recording_an_update_without_htmx_goes_back_to_the_action_on_the_record_page(secretariat_client, meeting):
    action = demo_action(4)

    response = secretariat_client.post(
        update_url(meeting, action), update(action, status="in_progress", text="Frontline organisations listed.")
    )

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#arising-{action.pk}", fetch_redirect_response=False)
    assert Update.objects.get().reported_at == meeting
    page = secretariat_client.get(response["Location"])
    assertContains(page, f'<p class="govuk-notification-banner__heading">Update recorded on {action.reference}</p>')


def test_a_bad_update_with_htmx_shows_the_error_in_the_row(secretariat_client, meeting, htmx_headers):
    action = demo_action(4)

    response = secretariat_client.post(
        update_url(meeting, action), update(action, status="dropped", text=""), headers=htmx_headers
    )

    html = response.content.decode()
    assert html.strip().startswith(f'<div class="app-record-item" id="arising-{action.pk}">')
    assert html.count('class="app-record-item"') == 1
    assert "There is a problem" in html
    assert f'<a href="#id_arising-{action.pk}-text">Give the reason the action is being dropped</a>' in html
    assert f'id="id_arising-{action.pk}-text-error"' in html
    assert not Update.objects.exists()


def test_a_bad_update_keeps_what_was_typed(secretariat_client, meeting):
    action = demo_action(4)

    response = secretariat_client.post(update_url(meeting, action), update(action, text="Frontline list drafted."))

    assert response.status_code == 200
    assertContains(response, "Select the status of the action")
    assertContains(response, "Frontline list drafted.</textarea>")
    assert not Update.objects.exists()


def test_a_bad_update_leaves_the_other_forms_blank(secretariat_client, meeting):
    action, other = demo_action(4), demo_action(5)

    response = secretariat_client.post(update_url(meeting, action), update(action, status="dropped", text=""))

    assertContains(response, 'class="govuk-error-message"', count=1)
    assertContains(response, f'name="arising-{other.pk}-status" type="radio" value="open" checked')


@pytest.mark.parametrize(
    "which",
    ["raised at this meeting", "raised at a later meeting", "of another group", "closed before the meeting"],
)
def test_an_action_not_in_the_meetings_matters_arising_is_404(secretariat_client, meeting, which):
    if which == "raised at this meeting":
        action = ActionFactory(agenda_item=AgendaItemFactory(meeting=meeting))
    elif which == "raised at a later meeting":
        later = MeetingFactory(group=meeting.group, date=datetime.date(2013, 9, 9))
        action = ActionFactory(agenda_item=AgendaItemFactory(meeting=later))
    elif which == "of another group":
        board = MeetingFactory(group=GroupFactory(short_name="Board"), date=datetime.date(2013, 1, 7))
        action = ActionFactory(agenda_item=AgendaItemFactory(meeting=board))
    else:
        action = demo_action(4)
        action.record_update(author=UserFactory(), text="Done.", status=Status.DONE, meeting=meeting)
        meeting = MeetingFactory(group=meeting.group, date=datetime.date(2013, 9, 9))

    response = secretariat_client.post(update_url(meeting, action), update(action, status="done", text="Done."))

    assert response.status_code == 404
    assert not Update.objects.filter(reported_at=meeting).exists()


def test_an_unknown_action_or_meeting_is_404(secretariat_client, meeting):
    action = demo_action(4)

    assert secretariat_client.post(f"/meetings/{meeting.pk}/matters-arising/999/").status_code == 404
    assert secretariat_client.post(update_url(Meeting(pk=999), action)).status_code == 404


def test_opening_its_address_goes_to_the_form_on_the_recording_page(secretariat_client, meeting):
    action = demo_action(4)

    response = secretariat_client.get(update_url(meeting, action))

    assertRedirects(response, f"/meetings/{meeting.pk}/record/#arising-{action.pk}", fetch_redirect_response=False)


def test_it_requires_sign_in(assert_sign_in_required, meeting):
    assert_sign_in_required(update_url(meeting, demo_action(4)), method="post")
    assert not Update.objects.exists()


def test_only_the_groups_secretariat_may_record_matters_arising(department_client, meeting):
    action = demo_action(4)

    response = department_client.post(update_url(meeting, action), update(action, status="done", text="Done."))

    assert response.status_code == 403
    assert not Update.objects.exists()


def test_the_minutes_show_each_matter_arising_as_minuted(secretariat_client, meeting):
    done, in_progress = demo_action(4), demo_action(1, year=2012)
    secretariat_client.post(update_url(meeting, done), update(done, status="done", text="Organisations listed."))
    secretariat_client.post(
        update_url(meeting, in_progress), update(in_progress, status="in_progress", text="Data requested.")
    )

    response = secretariat_client.get(f"/meetings/{meeting.pk}/")

    assertContains(response, '<th scope="col" class="govuk-table__header">Status at the meeting</th>', html=True)
    assertContains(response, '<th scope="col" class="govuk-table__header">Update given</th>', html=True)
    assertContains(response, '<td class="govuk-table__cell">Done</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">Organisations listed.</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">In progress</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">Data requested.</td>', html=True)
    assert arising(response) == ["IDMG 2012-04 A1", "IDMG 2013-03 A4"]


def test_the_minutes_say_what_an_update_without_words_did(secretariat_client, meeting):
    action = demo_action(4)
    secretariat_client.post(update_url(meeting, action), update(action, status="done", text=""))

    response = secretariat_client.get(f"/meetings/{meeting.pk}/")

    assertContains(response, '<td class="govuk-table__cell">Marked as done</td>', html=True)


def test_the_minutes_keep_the_status_at_the_meeting_after_it_changes(secretariat_client, secretariat_user, meeting):
    action = demo_action(4)
    secretariat_client.post(update_url(meeting, action), update(action, status="in_progress", text="Under way."))
    action.refresh_from_db()
    action.record_update(author=secretariat_user, text="Finished since.", status=Status.DONE)

    response = secretariat_client.get(f"/meetings/{meeting.pk}/")

    assertContains(response, '<td class="govuk-table__cell">In progress</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">Under way.</td>', html=True)
    assertNotContains(response, "Finished since.")


def build_arising(count):
    """A meeting with an item of its own, and ``count`` actions of an earlier one arising at it, each
    given an update there."""
    group = GroupFactory()
    item = AgendaItemFactory(meeting=MeetingFactory(group=group, date=datetime.date(2013, 3, 11)))
    meeting = MeetingFactory(group=group, date=JUNE_2013)
    AttendeeFactory(meeting=meeting)
    ParagraphFactory(agenda_item=AgendaItemFactory(meeting=meeting))
    ActionOwnerFactory(action=ActionFactory(agenda_item=meeting.agenda_items.get()), is_lead=True)
    secretary = UserFactory()
    for action in ActionFactory.create_batch(count, agenda_item=item, due_at_next_meeting=True):
        ActionOwnerFactory(action=action, is_lead=True)
        ActionOwnerFactory(action=action)
        action.record_update(author=secretary, text="Work has started.", status=Status.IN_PROGRESS, meeting=meeting)
    return meeting


@pytest.mark.parametrize("count", [5, 300])
def test_the_record_pages_query_count_does_not_grow_with_the_matters_arising(
    secretariat_client, django_assert_num_queries, count
):
    meeting = build_arising(count)

    with django_assert_num_queries(RECORD_QUERIES):
        response = secretariat_client.get(record_url(meeting))

    assert len(arising(response)) == min(count, RECORD_PAGE)
    assertContains(response, f"<strong>{count}</strong> actions were outstanding")
    assertContains(response, f"<strong>{count}</strong> have updates given at this meeting.")


def test_the_record_page_shows_the_matters_arising_a_page_at_a_time(secretariat_client):
    meeting = build_arising(60)
    actions = list(Action.objects.matters_arising(meeting))

    first = secretariat_client.get(record_url(meeting))
    last = secretariat_client.get(record_url(meeting), {"arising": 3})

    assert arising(first) == [action.reference for action in actions[:RECORD_PAGE]]
    assertContains(first, 'href="?arising=2#matters-arising" rel="next"')
    assertContains(first, "Showing 1 to 25, a page at a time.")
    assert arising(last) == [action.reference for action in actions[2 * RECORD_PAGE :]]
    assertContains(last, 'href="?arising=2#matters-arising" rel="prev"')


@pytest.mark.parametrize("count", [5, 300])
def test_recording_an_update_with_htmx_costs_the_same_whatever_the_matters_arising(
    secretariat_client, django_assert_num_queries, htmx_headers, count
):
    meeting = build_arising(count)
    action = Action.objects.matters_arising(meeting).last()

    with django_assert_num_queries(ROW_QUERIES):
        response = secretariat_client.post(
            update_url(meeting, action), update(action, status="done", text="Finished."), headers=htmx_headers
        )

    assert response.status_code == 200
    assert len(response.content) < 20_000
    assert len(arising_rows(response)) == 1


def arising_rows(response):
    return re.findall(r'<div class="app-record-item" id="arising-\d+">', response.content.decode())


def test_recording_an_update_without_htmx_goes_back_to_the_page_that_shows_the_action(secretariat_client):
    meeting = build_arising(30)
    action = Action.objects.matters_arising(meeting).last()

    response = secretariat_client.post(update_url(meeting, action), update(action, status="done", text="Finished."))

    assertRedirects(response, f"{record_url(meeting)}?arising=2#arising-{action.pk}", fetch_redirect_response=False)


def test_a_bad_update_without_htmx_shows_the_page_of_matters_arising_that_holds_its_form(secretariat_client):
    meeting = build_arising(30)
    action = Action.objects.matters_arising(meeting).last()

    response = secretariat_client.post(update_url(meeting, action), update(action, status="dropped", text=""))

    assert response.status_code == 200
    assertContains(response, f'<a href="#id_arising-{action.pk}-text">Give the reason the action is being dropped</a>')
    assert action.reference in arising(response)


@pytest.mark.parametrize("count", [5, 300])
def test_the_minutes_query_count_does_not_grow_with_the_matters_arising(
    secretariat_client, django_assert_num_queries, count
):
    meeting = build_arising(count)

    with django_assert_num_queries(MINUTES_QUERIES):
        response = secretariat_client.get(f"/meetings/{meeting.pk}/")

    assert len(arising(response)) == min(count, MINUTES_PAGE)


def test_the_minutes_show_only_the_reviewed_matters_arising_a_page_at_a_time(secretariat_client):
    meeting = build_arising(60)
    ActionFactory(agenda_item=AgendaItemFactory(meeting=Meeting.objects.get(date=datetime.date(2013, 3, 11))))
    reviewed = list(Action.objects.reviewed(meeting))

    first = secretariat_client.get(f"/meetings/{meeting.pk}/")
    second = secretariat_client.get(f"/meetings/{meeting.pk}/", {"arising": 2})

    assert Action.objects.matters_arising(meeting).count() == 61
    assert arising(first) == [action.reference for action in reviewed[:MINUTES_PAGE]]
    assertContains(first, "60 actions of earlier meetings were reviewed. Showing 1 to 50")
    assert arising(second) == [action.reference for action in reviewed[MINUTES_PAGE:]]


@pytest.mark.parametrize("count", [5, 300])
def test_adding_a_row_with_htmx_costs_the_same_whatever_the_matters_arising(
    secretariat_client, django_assert_num_queries, htmx_headers, count
):
    meeting = build_arising(count)
    added = {"attendee-department": "MOJ", "attendee-person": "Helen Grant MP", "attendee-add_departments": "on"}
    # The first time, the person and the department are new: the second row is the one measured.
    secretariat_client.post(f"/meetings/{meeting.pk}/attendees/add/", added, headers=htmx_headers)

    with django_assert_num_queries(ATTENDEE_ADDED_QUERIES):
        response = secretariat_client.post(f"/meetings/{meeting.pk}/attendees/add/", added, headers=htmx_headers)

    assert response.status_code == 200
    assert len(response.content) < 20_000
    assert "Record update" not in response.content.decode()

"""The secretariat withdraws an update given in error, or replaces it with a corrected one, saying why."""

import datetime

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from actions.models import Action, Status, Update
from meetings.models import Correction, MinutesStatus
from tests.factories import ActionFactory, DepartmentFactory, GroupFactory, MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return GroupFactory(slug="idmg", short_name="IDMG")


@pytest.fixture
def later(group):
    """The meeting of 11 March 2013, at which the action of April 2012 was reviewed."""
    return MeetingFactory(group=group, date=datetime.date(2013, 3, 11), status=MinutesStatus.CIRCULATED)


@pytest.fixture
def action(group):
    action = ActionFactory(
        agenda_item__meeting=MeetingFactory(group=group, date=datetime.date(2012, 4, 17), status="circulated"),
        text="Home Office to scope connections with source countries",
    )
    action.set_owners([DepartmentFactory(short_name="Home Office")])
    return action


@pytest.fixture
def given_at_later(action, later, secretariat_user):
    return action.record_update(author=secretariat_user, text="Scoping is done.", status=Status.DONE, meeting=later)


def withdraw_url(update):
    return f"/actions/{update.action_id}/updates/{update.pk}/withdraw/"


def version_of(update):
    return Action.objects.get(pk=update.action_id).version


def saved(update):
    return Update.objects.get(pk=update.pk)


def test_it_shows_the_update_and_asks_why(secretariat_client, given_at_later):
    response = secretariat_client.get(withdraw_url(given_at_later))

    assertContains(response, '<h1 class="govuk-heading-l">Withdraw or correct an update</h1>', html=True)
    assertContains(response, "Scoping is done.")
    assertContains(response, "Why is the update being withdrawn or corrected?")
    assertContains(response, "Replace it with the corrected update below")


def test_it_withdraws_the_update_keeping_the_reason(secretariat_client, secretariat_user, given_at_later):
    response = secretariat_client.post(
        withdraw_url(given_at_later),
        {"version": version_of(given_at_later), "reason": "Recorded on the wrong action.", "outcome": "withdraw"},
    )

    assertRedirects(
        response, f"/actions/{given_at_later.action_id}/#update-{given_at_later.pk}", fetch_redirect_response=False
    )
    update = saved(given_at_later)
    assert (update.withdrawn_by, update.withdrawal_reason) == (secretariat_user, "Recorded on the wrong action.")
    action = Action.objects.get(pk=given_at_later.action_id)
    assert (action.status, action.closed_on) == (Status.OPEN, None)


def test_it_replaces_the_update_with_a_corrected_one_at_the_same_meeting(secretariat_client, given_at_later, later):
    response = secretariat_client.post(
        withdraw_url(given_at_later),
        {
            "version": version_of(given_at_later),
            "reason": "Scoping has only begun.",
            "outcome": "correct",
            "status": "in_progress",
            "text": "Scoping begun.",
        },
    )

    assert response.status_code == 302
    assert saved(given_at_later).is_withdrawn
    corrected = Update.objects.exclude(pk=given_at_later.pk).get()
    assert (corrected.text, corrected.new_status, corrected.reported_at) == ("Scoping begun.", "in_progress", later)
    assert Action.objects.get(pk=given_at_later.action_id).status == Status.IN_PROGRESS


def test_the_matters_arising_show_the_corrected_update_instead(secretariat_client, given_at_later, later):
    secretariat_client.post(
        withdraw_url(given_at_later),
        {
            "version": version_of(given_at_later),
            "reason": "Scoping has only begun.",
            "outcome": "correct",
            "status": "in_progress",
            "text": "Scoping begun.",
        },
    )

    response = secretariat_client.get(later.get_absolute_url())

    assertContains(response, "Scoping begun.")
    assertNotContains(response, "Scoping is done.")


def test_it_asks_for_the_reason(secretariat_client, given_at_later):
    response = secretariat_client.post(
        withdraw_url(given_at_later), {"version": version_of(given_at_later), "reason": "", "outcome": "withdraw"}
    )

    assertContains(response, "Give the reason the update is being withdrawn or corrected")
    assert not saved(given_at_later).is_withdrawn


def test_a_correction_needs_the_corrected_update_and_keeps_what_was_typed(secretariat_client, given_at_later):
    response = secretariat_client.post(
        withdraw_url(given_at_later),
        {"version": version_of(given_at_later), "reason": "Scoping has only begun.", "outcome": "correct", "text": " "},
    )

    assertContains(response, "Enter the corrected update")
    assertContains(response, "Scoping has only begun.")
    assert not saved(given_at_later).is_withdrawn
    assert Update.objects.count() == 1


def test_an_update_withdrawn_already_is_not_withdrawn_again(secretariat_client, secretariat_user, given_at_later):
    given_at_later.withdraw(by=secretariat_user, reason="Given in error.")

    page = secretariat_client.get(withdraw_url(given_at_later))
    response = secretariat_client.post(
        withdraw_url(given_at_later), {"version": version_of(given_at_later), "reason": "Again.", "outcome": "withdraw"}
    )

    assertContains(page, "This update was withdrawn on")
    assertContains(response, "This update has already been withdrawn.")
    assert saved(given_at_later).withdrawal_reason == "Given in error."


def test_withdrawing_an_update_given_at_approved_minutes_corrects_them(secretariat_client, given_at_later, later):
    later.status = MinutesStatus.APPROVED
    later.save()

    page = secretariat_client.get(withdraw_url(given_at_later))
    secretariat_client.post(
        withdraw_url(given_at_later),
        {"version": version_of(given_at_later), "reason": "Given in error.", "outcome": "withdraw"},
    )

    assertContains(page, "they will show a correction with your reason")
    assert Correction.objects.get().meeting == later
    assertContains(secretariat_client.get(later.get_absolute_url()), "Given in error.")


def test_the_action_page_marks_the_update_withdrawn_with_the_reason(secretariat_client, given_at_later):
    secretariat_client.post(
        withdraw_url(given_at_later),
        {"version": version_of(given_at_later), "reason": "Given in error.", "outcome": "withdraw"},
    )

    response = secretariat_client.get(f"/actions/{given_at_later.action_id}/")

    assertContains(response, '<strong class="govuk-tag govuk-tag--grey">Withdrawn</strong>', html=True)
    assertContains(response, "by secretariat, IDMG secretariat. Reason: Given in error.")
    assertNotContains(response, withdraw_url(given_at_later))


def test_the_action_page_offers_the_secretariat_to_withdraw_an_update(secretariat_client, given_at_later):
    response = secretariat_client.get(f"/actions/{given_at_later.action_id}/")

    assertContains(response, f'href="{withdraw_url(given_at_later)}"')


def test_the_action_page_offers_no_withdrawal_to_a_department(department_client, given_at_later):
    response = department_client.get(f"/actions/{given_at_later.action_id}/")

    assertNotContains(response, withdraw_url(given_at_later))


def test_the_recording_page_offers_to_correct_the_update_given_at_the_meeting(
    secretariat_client, given_at_later, later
):
    response = secretariat_client.get(later.get_record_url())

    assertContains(response, f'href="{withdraw_url(given_at_later)}"')
    assertContains(response, "(secretariat, IDMG secretariat)")


def test_the_action_history_lists_the_withdrawal_with_its_reason(secretariat_client, changes_listed, given_at_later):
    secretariat_client.post(
        withdraw_url(given_at_later),
        {"version": version_of(given_at_later), "reason": "Given in error.", "outcome": "withdraw"},
    )

    changes = changes_listed(secretariat_client.get(f"/actions/{given_at_later.action_id}/history/"))

    reference = given_at_later.action.reference
    [withdrawal] = [change for change in changes if change["heading"].startswith("Withdrawn")]
    assert withdrawal["heading"] == f"Withdrawn Update of 11 March 2013 on {reference}: Open to Done"
    assert withdrawal["byline"].endswith("by secretariat. Reason: Given in error.")
    [status_change] = [change for change in changes if ("Status", "Done", "Open") in change["fields"]]
    assert status_change["byline"].endswith("Reason: Update withdrawn: Given in error.")


@pytest.mark.parametrize("client_name", ["department_client", "other_secretariat_client"])
def test_only_the_groups_secretariat_may_withdraw(request, client_name, given_at_later):
    client = request.getfixturevalue(client_name)

    page = client.get(withdraw_url(given_at_later))
    response = client.post(
        withdraw_url(given_at_later),
        {"version": version_of(given_at_later), "reason": "Given in error.", "outcome": "withdraw"},
    )

    assert (page.status_code, response.status_code) == (403, 403)
    assert not saved(given_at_later).is_withdrawn


def test_an_update_of_another_action_is_404(secretariat_client, given_at_later, group):
    other = ActionFactory(agenda_item__meeting__group=group)

    response = secretariat_client.get(f"/actions/{other.pk}/updates/{given_at_later.pk}/withdraw/")

    assert response.status_code == 404


def test_it_rejects_other_methods(secretariat_client, given_at_later):
    assert secretariat_client.put(withdraw_url(given_at_later)).status_code == 405


def test_it_requires_sign_in(assert_sign_in_required, given_at_later):
    assert_sign_in_required(withdraw_url(given_at_later))


@pytest.mark.parametrize("count", [1, 20])
def test_its_query_count_does_not_grow_with_the_actions_updates(
    secretariat_client, secretariat_user, action, given_at_later, django_assert_num_queries, count
):
    for number in range(count):
        action.record_update(author=secretariat_user, text=f"Progress {number}.")

    # The session and the user; the action with its meeting and group; its owners; its updates;
    # the groups the user serves; the group's secretariat, who sign as such.
    with django_assert_num_queries(7):
        secretariat_client.get(withdraw_url(given_at_later))

import datetime
import re

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from actions.models import Status, Update
from tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    DepartmentFactory,
    DepartmentMemberFactory,
    GroupFactory,
    MeetingFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    return MeetingFactory(group=GroupFactory(short_name="IDMG"), date=datetime.date(2013, 3, 11))


@pytest.fixture
def action(meeting):
    action = ActionFactory(
        agenda_item=AgendaItemFactory(meeting=meeting, number=6, title="Country specific report – Nigeria"),
        text="Home Office and FCO to scope connections with source countries",
        due_date=datetime.date(2013, 9, 30),
    )
    home_office, fco = DepartmentFactory(short_name="Home Office"), DepartmentFactory(short_name="FCO")
    action.set_owners([home_office, fco], lead=home_office)
    return action


def action_url(action):
    return f"/actions/{action.pk}/"


def update_ids(response):
    return [int(pk) for pk in re.findall(r'id="update-(\d+)"', response.content.decode())]


def test_it_shows_the_action(secretariat_client, action):
    response = secretariat_client.get(action_url(action))

    assertContains(response, '<span class="govuk-caption-l">IDMG 2013-03 A1</span>', html=True)
    assertContains(
        response, '<h1 class="govuk-heading-l">Home Office and FCO to scope connections with source countries</h1>'
    )
    assertContains(response, f'<a class="govuk-link" href="/departments/{action.lead.pk}/">Home Office</a> (lead)')
    assertContains(response, "30 Sep 2013")
    assertContains(response, "item 6. Country specific report – Nigeria")
    assertContains(response, "No updates yet.")


def test_it_shows_the_updates_newest_first(secretariat_client, action, secretariat_user):
    first = action.record_update(author=secretariat_user, text="Scoping has begun.", status=Status.IN_PROGRESS)
    second = action.record_update(author=secretariat_user, text="Two countries identified.")
    third = action.record_update(author=secretariat_user, text="Report sent to the Minister.", status=Status.DONE)

    response = secretariat_client.get(action_url(action))

    assert update_ids(response) == [third.pk, second.pk, first.pk]
    assertContains(response, "In progress to Done")
    assertContains(response, "Progress update")
    assertContains(response, "Open to In progress")


def test_it_says_at_which_meeting_and_by_whom_an_update_was_given(secretariat_client, action, secretariat_user):
    later = MeetingFactory(group=action.meeting.group, date=datetime.date(2013, 6, 10))
    action.record_update(author=secretariat_user, text="Scoping has begun.", meeting=later)

    response = secretariat_client.get(action_url(action))

    assertContains(
        response,
        f'10 June 2013, reported at the <a class="govuk-link" href="/meetings/{later.pk}/">10 June 2013 meeting</a>'
        ", by secretariat",
    )


def test_it_records_an_update(secretariat_client, action, secretariat_user):
    response = secretariat_client.post(
        action_url(action), {"version": action.version, "status": "in_progress", "text": "Scoping has begun."}
    )

    assertRedirects(response, action_url(action), fetch_redirect_response=False)
    update = Update.objects.get()
    assert (update.action, update.author, update.text) == (action, secretariat_user, "Scoping has begun.")
    assert (update.old_status, update.new_status, update.reported_at) == (Status.OPEN, Status.IN_PROGRESS, None)
    action.refresh_from_db()
    assert action.status == Status.IN_PROGRESS


def test_it_says_the_update_was_recorded(secretariat_client, action):
    response = secretariat_client.post(
        action_url(action),
        {"version": action.version, "status": "in_progress", "text": "Scoping has begun."},
        follow=True,
    )

    assertContains(response, "Update recorded on IDMG 2013-03 A1.")
    assertContains(response, "Scoping has begun.")


def test_a_bad_update_keeps_the_typed_text_and_shows_the_error(secretariat_client, action):
    response = secretariat_client.post(action_url(action), {"version": action.version, "text": "Scoping has begun."})

    assert response.status_code == 200
    assertContains(response, "<title>Error: IDMG 2013-03 A1", count=1)
    assertContains(response, "There is a problem")
    assertContains(response, '<a href="#id_status_0">Select the status of the action</a>', html=True)
    assertContains(response, "Scoping has begun.</textarea>")
    assert not Update.objects.exists()


def test_dropping_without_a_reason_shows_the_error_at_the_update(secretariat_client, action):
    response = secretariat_client.post(action_url(action), {"version": action.version, "status": "dropped", "text": ""})

    assertContains(response, '<a href="#id_text">Give the reason the action is being dropped</a>', html=True)
    assertContains(response, 'id="id_text-error"')
    assert not Update.objects.exists()
    action.refresh_from_db()
    assert action.status == Status.OPEN


def test_drop_posts_to_the_address_without_the_forms_anchor_so_a_problem_opens_at_the_error_summary(
    secretariat_client, action
):
    # "Drop" opens ...?status=dropped#post-update; a form without an action would post to it, anchor and all,
    # and the page with the problem would open at the form, not at its error summary.
    response = secretariat_client.get(action_url(action), {"status": "dropped"})

    assertContains(response, f'<form method="post" action="{action_url(action)}?status=dropped" novalidate')


def test_an_empty_post_shows_the_error(secretariat_client, action):
    response = secretariat_client.post(action_url(action), {})

    assertContains(response, "There is a problem")
    assertContains(response, "Select the status of the action")
    assert not Update.objects.exists()


def test_an_owning_departments_user_may_post_an_update(department_client, action, meeting):
    meeting.circulate()

    response = department_client.post(
        action_url(action), {"version": action.version, "status": "in_progress", "text": "Scoping has begun."}
    )

    assertRedirects(response, action_url(action), fetch_redirect_response=False)
    assert Update.objects.get().new_status == Status.IN_PROGRESS


def test_another_departments_user_may_read_the_action_but_not_post_an_update(client, action, meeting):
    meeting.circulate()
    user = UserFactory(username="dwp")
    client.force_login(user)

    assertNotContains(client.get(action_url(action)), "Post an update")
    response = client.post(
        action_url(action), {"version": action.version, "status": "in_progress", "text": "Scoping has begun."}
    )

    assert response.status_code == 403
    assert not Update.objects.exists()


def test_it_404s_for_an_unknown_action(secretariat_client):
    assert secretariat_client.get("/actions/999/").status_code == 404


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_it_rejects_other_methods(secretariat_client, action, method):
    response = getattr(secretariat_client, method)(action_url(action))

    assert response.status_code == 405


@pytest.mark.parametrize("method", ["get", "post"])
def test_it_requires_sign_in(assert_sign_in_required, action, method):
    assert_sign_in_required(action_url(action), method=method)
    assert not Update.objects.exists()


def test_a_department_user_cannot_open_an_action_of_draft_minutes(department_client, action):
    response = department_client.get(action_url(action))

    assertContains(response, "only the group&#x27;s secretariat can see it yet", status_code=403)
    assertNotContains(response, action.text, status_code=403)


def test_a_department_user_cannot_post_on_an_action_of_draft_minutes(department_client, action):
    response = department_client.post(
        action_url(action), {"version": action.version, "status": "in_progress", "text": "Scoping has begun."}
    )

    assert response.status_code == 403
    assert not Update.objects.exists()


def test_it_links_a_department_user_to_circulated_minutes_but_not_to_a_later_draft(
    department_client, action, meeting, secretariat_user
):
    meeting.circulate()
    later = MeetingFactory(group=meeting.group, date=datetime.date(2013, 6, 3))
    action.record_update(author=secretariat_user, text="Scoping has begun.", meeting=later)

    response = department_client.get(action_url(action))

    assertContains(response, f'href="{meeting.get_absolute_url()}#item-{action.agenda_item_id}"')
    assertNotContains(response, f'href="{later.get_absolute_url()}')


def test_it_links_the_secretariat_to_its_draft_minutes(secretariat_client, action, meeting):
    response = secretariat_client.get(action_url(action))

    assertContains(response, f'href="{meeting.get_absolute_url()}#item-{action.agenda_item_id}"')


def test_it_signs_each_update_with_the_name_and_department_of_who_gave_it(client, action, meeting):
    meeting.status = "circulated"
    meeting.save()
    jane = UserFactory(username="jsmith", first_name="Jane", last_name="Smith")
    DepartmentMemberFactory(user=jane, department=DepartmentFactory(short_name="Home Office"))
    sam = UserFactory(username="sclerk", first_name="Sam", last_name="Clerk")
    meeting.group.secretariat.add(sam)
    action.record_update(author=jane, text="Scoping has begun.", status=Status.IN_PROGRESS)
    action.record_update(author=sam, text="Chased for the report.")
    client.force_login(jane)

    response = client.get(action_url(action))

    assertContains(response, ", by Jane Smith, Home Office")
    assertContains(response, ", by Sam Clerk, IDMG secretariat")
    assertNotContains(response, "by jsmith")


@pytest.mark.parametrize("count", [1, 20])
def test_its_query_count_does_not_grow_with_the_updates_it_signs(
    secretariat_client, action, django_assert_num_queries, count
):
    for number in range(count):
        author = UserFactory(username=f"official{number}", first_name="Official", last_name=str(number))
        DepartmentMemberFactory(user=author, department=DepartmentFactory(short_name="Home Office"))
        action.record_update(author=author, text=f"Progress {number}.")

    # The session and the user; the action with its meeting and group; its owners; its updates
    # with their authors' departments; the groups the user serves.
    with django_assert_num_queries(6):
        response = secretariat_client.get(action_url(action))

    assert len(update_ids(response)) == count

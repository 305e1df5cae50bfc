import pytest
from pytest_django.asserts import assertRedirects

from tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


def test_it_goes_straight_to_the_only_group(secretariat_client):
    group = GroupFactory()

    response = secretariat_client.get("/")

    assertRedirects(response, group.get_absolute_url(), fetch_redirect_response=False)


def test_it_lists_the_groups_when_there_are_several(secretariat_client):
    GroupFactory.create_batch(2)

    response = secretariat_client.get("/")

    assertRedirects(response, "/groups/", fetch_redirect_response=False)


def test_it_lists_the_groups_when_there_are_none(secretariat_client):
    response = secretariat_client.get("/")

    assertRedirects(response, "/groups/", fetch_redirect_response=False)


def test_it_rejects_post(secretariat_client):
    assert secretariat_client.post("/").status_code == 405


def test_it_requires_sign_in(assert_sign_in_required):
    assert_sign_in_required("/")

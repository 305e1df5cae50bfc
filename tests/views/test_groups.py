import pytest
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import GroupFactory

pytestmark = pytest.mark.django_db


def test_it_lists_the_groups(secretariat_client):
    GroupFactory(name="Inter-Departmental Ministerial Group on Human Trafficking", short_name="IDMG", slug="idmg")
    GroupFactory(name="Officials' Strategy Board", short_name="Strategy Board", slug="board")

    response = secretariat_client.get("/groups/")

    assertContains(
        response,
        '<a class="govuk-link govuk-!-font-weight-bold" href="/groups/idmg/">'
        "Inter-Departmental Ministerial Group on Human Trafficking</a>",
        html=True,
    )
    assertContains(response, "(IDMG)")
    assertContains(response, '<a class="govuk-link govuk-!-font-weight-bold" href="/groups/board/">', count=1)
    assertContains(response, "Officials&#x27; Strategy Board")


def test_it_says_when_there_are_no_groups(secretariat_client):
    response = secretariat_client.get("/groups/")

    assertContains(response, "There are no groups yet.")
    assertNotContains(response, "govuk-list--spaced")


def test_it_rejects_post(secretariat_client):
    assert secretariat_client.post("/groups/").status_code == 405


def test_it_requires_sign_in(assert_sign_in_required):
    assert_sign_in_required("/groups/")

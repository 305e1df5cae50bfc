import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse

from govuk.middleware import NoStoreForSignedInMiddleware
from meetings.models import MinutesStatus
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/groups/", "/actions/", "/actions/export.csv", "/departments/"])
def test_a_signed_in_page_or_download_is_never_stored(department_client, path):
    response = department_client.get(path)

    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-store"}


def test_the_minutes_page_is_never_stored(department_client):
    meeting = MeetingFactory(status=MinutesStatus.CIRCULATED)

    assert "no-store" in department_client.get(meeting.get_absolute_url())["Cache-Control"]


def test_a_response_that_sets_its_own_cache_control_keeps_it(rf, department_user):
    def public_page(request):
        response = HttpResponse("Published minutes")
        response["Cache-Control"] = "public, max-age=300"
        return response

    request = rf.get("/")
    request.user = department_user

    assert NoStoreForSignedInMiddleware(public_page)(request)["Cache-Control"] == "public, max-age=300"


def test_a_signed_out_response_is_left_alone(rf):
    request = rf.get("/")
    request.user = AnonymousUser()

    assert not NoStoreForSignedInMiddleware(lambda request: HttpResponse())(request).has_header("Cache-Control")

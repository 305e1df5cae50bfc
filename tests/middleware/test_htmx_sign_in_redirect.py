import pytest

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def test_it_sends_a_signed_out_htmx_request_to_sign_in_as_a_whole_page(client, htmx_headers):
    meeting = MeetingFactory()

    response = client.get(f"/meetings/{meeting.pk}/record/?section=attendees", headers=htmx_headers)

    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/sign-in/?next=")


def test_it_leaves_a_signed_out_plain_request_to_the_usual_redirect(client):
    meeting = MeetingFactory()

    response = client.get(f"/meetings/{meeting.pk}/record/")

    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/?next=")
    assert "HX-Redirect" not in response

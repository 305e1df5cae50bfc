import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from govuk.middleware import NulFreeQueryMiddleware


def query_seen(path):
    seen = {}

    def view(request):
        seen.update(request.GET.lists())
        return HttpResponse()

    NulFreeQueryMiddleware(view)(RequestFactory().get(path))
    return seen


def test_it_takes_nul_characters_out_of_the_query_string():
    assert query_seen("/?q=Home%00%20Office&status=open&st%00atus=done") == {
        "q": ["Home Office"],
        "status": ["open", "done"],
    }


def test_it_leaves_a_query_without_them_as_it_is():
    assert query_seen("/?q=Home+Office&status=open") == {"q": ["Home Office"], "status": ["open"]}


@pytest.mark.django_db
@pytest.mark.parametrize("query", [{"status__exact": "\x00"}, {"place": "Home\x00"}, {"q": "\x00"}])
def test_an_admin_list_filtered_by_a_nul_character_answers(admin_client, query):
    response = admin_client.get("/admin/meetings/meeting/", query)

    assert response.status_code == 200


@pytest.mark.django_db
def test_the_user_admin_filtered_by_a_nul_character_answers(admin_client):
    assert admin_client.get("/admin/auth/user/", {"username": "\x00"}).status_code == 200

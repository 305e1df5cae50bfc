"""GOV.UK pagination: the page numbers linked, and pages read from either end."""

import pytest
from django.core.paginator import Paginator

from govuk.pagination import BothEndsPaginator, page_links


@pytest.mark.parametrize(
    ("pages", "current", "expected"),
    [
        (1, 1, [1]),
        (3, 2, [1, 2, 3]),
        (10, 1, [1, 2, None, 10]),
        (10, 5, [1, None, 4, 5, 6, None, 10]),
        (10, 3, [1, 2, 3, 4, None, 10]),
        (3950, 3950, [1, None, 3949, 3950]),
    ],
)
def test_it_links_the_first_last_and_neighbouring_pages_with_gaps_between(pages, current, expected):
    assert page_links(Paginator(range(pages * 10), 10).page(current)) == expected


@pytest.mark.django_db
@pytest.mark.parametrize("number", [1, 2, 3, 4])
def test_a_page_read_from_the_end_holds_the_same_rows(number):
    from django.contrib.auth.models import User

    for index in range(35):
        User.objects.create(username=f"user{index:02d}")
    users = User.objects.order_by("username")

    assert list(BothEndsPaginator(users, 10).page(number)) == list(Paginator(users, 10).page(number))


@pytest.mark.django_db
def test_a_page_in_the_middle_holds_the_same_rows_in_one_query_after_the_count(django_assert_num_queries):
    from django.contrib.auth.models import User
    from django.db.models.functions import Upper

    for index in range(35):
        User.objects.create(username=f"user{index:02d}")
    users = User.objects.annotate(shouted=Upper("username")).order_by("-shouted", "pk")

    with django_assert_num_queries(2):
        rows = list(BothEndsPaginator(users, 10).page(2))

    assert rows == list(Paginator(users, 10).page(2))
    assert [user.shouted for user in rows] == [f"USER{index:02d}" for index in range(24, 14, -1)]

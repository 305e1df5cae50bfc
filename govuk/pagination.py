"""Pages of a long list, as the GOV.UK pagination component links them."""

import hashlib

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections
from django.utils import timezone
from django.utils.functional import cached_property

COUNT_KEPT_FOR = 24 * 60 * 60
"""How long a count stays in the cache, in seconds: a count is never wrong while kept (see ``counted``)."""


class BothEndsPaginator(Paginator):
    """A paginator that reads a page in the back half of the list from its end.

    OFFSET makes the database walk every row before the page; read in reverse order, the last
    pages are as cheap as the first ones. The list's ordering must be total (end it with a unique
    key) so that the reverse order is exactly the same rows backwards.
    """

    @cached_property
    def count(self):
        return counted(self.object_list)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        ordered = getattr(self.object_list, "ordered", False)
        if ordered and bottom > self.count // 2:
            rows = list(rows_of(self.object_list.reverse(), self.count - top, self.count - bottom))
            rows.reverse()
        else:
            rows = rows_of(self.object_list, bottom, top)
        return self._get_page(rows, number, self)


def counted(object_list):
    """How many rows the list has, exactly; on PostgreSQL, from the cache while the database is unchanged.

    Counting some 200,000 rows takes PostgreSQL longer than the rest of a page. A count is kept under a key
    made of the count query's SQL and parameters, today's date and the snapshot that the count was taken in
    (``pg_current_snapshot()``: which transactions had committed). Two snapshots alike see exactly the same
    committed rows of every table, whatever wrote them (a save, ``update()``, raw SQL), so a count found
    under the key of the current snapshot is the count the query would give now; any commit on the database
    server (in any of its databases) makes a new snapshot and so a new key. Inside a transaction the count is
    taken afresh, since the transaction's own writes are in no snapshot's text.
    """
    if not hasattr(object_list, "query"):
        return len(object_list)
    connection = connections[object_list.db]
    if not _kept_count(object_list.query, connection):
        return object_list.count()
    sql, params = object_list.order_by().values("pk").query.sql_with_params()
    database = connection.settings_dict
    query = repr((database["NAME"], database["HOST"], database["PORT"], sql, params, str(timezone.localdate())))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_snapshot()::text")
        key = _count_key(query, cursor.fetchone()[0])
        count = cache.get(key)
        if count is None:
            # Counted in the same statement as its snapshot is read: the count is the snapshot's.
            cursor.execute(f"SELECT pg_current_snapshot()::text, (SELECT COUNT(*) FROM ({sql}) counted)", params)
            snapshot, count = cursor.fetchone()
            cache.set(_count_key(query, snapshot), count, COUNT_KEPT_FOR)
    return count


def _kept_count(query, connection):
    """Whether the count of this query may be kept: a list of rows (a list of distinct values, or of groups, is
    counted as Django counts it), read outside any transaction, on PostgreSQL."""
    of_rows = not (query.distinct or query.values_select or query.group_by or query.combinator)
    outside = not connection.in_atomic_block and connection.get_autocommit()
    return of_rows and outside and connection.vendor == "postgresql"


def _count_key(query, snapshot):
    return "count:" + hashlib.sha256(f"{query}\n{snapshot}".encode()).hexdigest()


def rows_of(object_list, start, stop):
    """The rows ``start:stop`` of the list. Past the first page, in one query, the rows it skips are found by
    their keys alone and only the page's rows are joined and annotated: OFFSET still walks the rows before
    the page, but not their related rows or their computed columns."""
    if not hasattr(object_list, "values"):
        return object_list[start:stop]
    return object_list.filter(pk__in=object_list.values("pk")[start:stop])


def page_links(page, around=1):
    """The page numbers the pagination links, with None for each gap shown as an ellipsis.

    The first and last pages, and ``around`` pages either side of the current one:
    1 … 4 5 6 … 40. Never a loop over every page.
    """
    last = page.paginator.num_pages
    shown = sorted({1, last, *range(max(1, page.number - around), min(last, page.number + around) + 1)})
    links = []
    for number in shown:
        if links and number - links[-1] == 2:
            links.append(number - 1)
        elif links and number - links[-1] > 2:
            links.append(None)
        links.append(number)
    return links

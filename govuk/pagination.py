"""Pages of a long list, as the GOV.UK pagination component links them."""

from django.core.paginator import Paginator


class BothEndsPaginator(Paginator):
    """A paginator that reads a page in the back half of the list from its end.

    OFFSET makes the database walk every row before the page; read in reverse order, the last
    pages are as cheap as the first ones. The list's ordering must be total (end it with a unique
    key) so that the reverse order is exactly the same rows backwards.
    """

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

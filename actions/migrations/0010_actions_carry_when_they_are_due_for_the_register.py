"""Actions carry when they are due, so that indexes serve the register sorted by due date.

An action due at the next meeting is due on the date of the meeting after its own: worked out for every
action on every page, the register sorted by due date was a sort of every action, each with a lookup of its
group's next meeting, before the first page. With the date on the action (``Action.due_on``, kept in step by
``keep_due_on``):

- ``action_due_order`` serves ``URGENCY_ORDER`` (the register sorted by due date, a department's outstanding
  actions by urgency) and ``action_latest_due_order`` ``LATEST_DUE_ORDER``, a page read from either end, and
  the rows a later page skips from the index alone;
- ``action_outstanding`` holds ``due_on`` rather than the due date, for the department page's counts.

EXPLAIN ANALYZE at 200,000 actions (bench/run.py's data): the register sorted by due date, first page, 231 ms
became 0.7 ms, and its 500th page 371 ms became 9 ms; the register's overdue actions are counted in 2 ms, not
250 (``overdue()`` says outstanding and due before today, which the index of outstanding actions serves). The
pages, as the test client times them: by due date 300 to 73 ms (page 500: 361 to 78 ms), latest first 274 to
72 ms (page 500: 400 to 76 ms), overdue 263 to 53 ms, the Home Office's department page 197 to 59 ms. The
migration takes some 12 s there.
"""

from django.db import migrations, models
from django.db.models import Case, F, OuterRef, Subquery, When
from django.db.models.functions import Coalesce
from django.db.models.lookups import IsNull


def fill_due_dates(apps, schema_editor):
    Action = apps.get_model("actions", "Action")
    Meeting = apps.get_model("meetings", "Meeting")
    # As ``actions.models.next_meeting_date()`` says it, for the meeting of each action.
    later = Meeting.objects.filter(group=OuterRef("group"), date__gt=OuterRef("date")).order_by("date")
    following = Coalesce(Subquery(later.values("date")[:1]), F("next_meeting_date"))
    of_its_meeting = Meeting.objects.filter(pk=OuterRef("meeting_id")).values_list(following)
    Action.objects.update(
        due_on=Case(When(due_at_next_meeting=True, then=Subquery(of_its_meeting)), default=F("due_date"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0009_department_page_reads_its_lists_from_indexes"),
        ("meetings", "0007_merge_20261202_0543"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="due_on",
            field=models.DateField(
                blank=True,
                editable=False,
                help_text="When it is due: its due date or, due at the next meeting, that meeting's date; kept here "
                "so that an index serves the register sorted by due date; ``keep_due_on`` keeps it in step.",
                null=True,
            ),
        ),
        migrations.RunPython(fill_due_dates, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="action",
            index=models.Index(
                IsNull(models.F("due_on"), True),
                models.F("due_on"),
                models.OrderBy(models.F("due_at_next_meeting"), descending=True),
                models.F("meeting_date"),
                models.F("meeting"),
                models.F("number"),
                include=("id",),
                name="action_due_order",
            ),
        ),
        migrations.AddIndex(
            model_name="action",
            index=models.Index(
                IsNull(models.F("due_on"), True),
                models.OrderBy(models.F("due_on"), descending=True),
                models.F("meeting_date"),
                models.F("meeting"),
                models.F("number"),
                include=("id",),
                name="action_latest_due_order",
            ),
        ),
        migrations.RemoveIndex(model_name="action", name="action_outstanding"),
        migrations.AddIndex(
            model_name="action",
            index=models.Index(
                condition=models.Q(("status__in", ["open", "in_progress"])),
                fields=["meeting"],
                include=("id", "status", "due_on", "due_at_next_meeting", "meeting_date", "number"),
                name="action_outstanding",
            ),
        ),
    ]

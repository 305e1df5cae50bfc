"""Indexes for the register sorted by status and for a department's actions.

- ``action_status_order`` serves the register sorted by status (``SORTS["status"]``): ORDER BY
  ``STATUS_ORDER``, meeting_date, meeting_id, number LIMIT 50, read forwards for the first pages and
  backwards for the last (``BothEndsPaginator``). EXPLAIN ANALYZE at 200,000 actions (bench/run.py's data,
  on a loaded machine): first page 592 ms and last page 920 ms, each a sort of every action, became 0.3 ms
  and 0.2 ms, index scans of 50 rows.
- ``actionowner_department_action`` serves ``ActionQuerySet.owned_by`` (the department page, the register and
  its exports filtered by department): the department's ownerships are read from the index alone (an index-only
  scan of Home Office's 62,564) rather than a bitmap scan of the ownership rows; the department page's
  outstanding actions, sorted by urgency, went from 81 to 59 ms (first page) and 118 to 60 ms (last page).
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0007_merge_20261202_0543'),
        ('meetings', '0007_merge_20261202_0543'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='action',
            index=models.Index(models.Case(models.When(status='open', then=0), models.When(status='in_progress', then=1), models.When(status='done', then=2), models.When(status='dropped', then=3)), models.F('meeting_date'), models.F('meeting'), models.F('number'), name='action_status_order'),
        ),
        migrations.AddIndex(
            model_name='actionowner',
            index=models.Index(fields=['department', 'action'], name='actionowner_department_action'),
        ),
    ]

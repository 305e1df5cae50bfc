"""The department page's lists from indexes.

- ``action_recently_closed`` serves a department's recently completed actions (``recently_closed()``,
  ORDER BY closed_on DESC, id DESC LIMIT 10): read backwards until ten are the department's, rather than a
  sort of all its closed actions. EXPLAIN ANALYZE at 200,000 actions (bench/run.py's data), Home Office:
  115 ms (a parallel sequential scan and sort of its 58,000 closed actions) became 0.3 ms.
- ``action_outstanding`` also holds the columns the department page's counts and its order by urgency read,
  so both read the index alone (an index-only scan of 108 pages rather than 4,209 of the table): the counts
  went from 28 to 20 ms and the page of outstanding actions from 26 to 17 ms.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0008_register_sorted_by_status_and_departments_actions_from_indexes'),
        ('meetings', '0007_merge_20261202_0543'),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='action',
            name='action_outstanding',
        ),
        migrations.AddIndex(
            model_name='action',
            index=models.Index(condition=models.Q(('status__in', ['open', 'in_progress'])), fields=['meeting'], include=('id', 'status', 'due_date', 'due_at_next_meeting', 'number'), name='action_outstanding'),
        ),
        migrations.AddIndex(
            model_name='action',
            index=models.Index(condition=models.Q(('status__in', ['done', 'dropped'])), fields=['closed_on', 'id'], name='action_recently_closed'),
        ),
    ]

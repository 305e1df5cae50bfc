"""A partial index of the outstanding actions (open or in progress), a few in a hundred of them.

It serves the queries that select outstanding actions, which otherwise read every action:
- the register (and its CSV, XLSX and ODS) filtered to open or in progress (``status__in``), and to overdue
  (``ActionQuerySet.overdue``, outstanding and past the due date);
- a department's outstanding actions (``owned_by(department).outstanding()``) on the department page.
EXPLAIN ANALYZE at 200,000 actions (bench/run.py's data): the register filtered to open and in progress
reads the 12,440 outstanding actions by an index scan of this index (73 ms), not a sequential scan of
all 200,570.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0004_update_withdrawal'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='action',
            index=models.Index(condition=models.Q(('status__in', ['open', 'in_progress'])), fields=['meeting'], name='action_outstanding'),
        ),
    ]

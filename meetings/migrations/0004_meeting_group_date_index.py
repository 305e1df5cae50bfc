"""An index of a group's meetings by date.

It serves the query "the group's next meeting after this date" (``ActionQuerySet.with_due``: the date an
action due "at the next meeting" is due, a correlated subquery run once per action listed or exported,
``SELECT date FROM meetings_meeting WHERE group_id = %s AND date > %s ORDER BY date LIMIT 1``), the next
meeting from today (``with_next_meeting``), matters arising (the group's meetings before a date) and a
group's meetings page. EXPLAIN at 200,000 actions: without it each subquery scans every meeting (the
CSV's query ran it 79,013 times); with it each is one index probe.
"""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0003_say_the_meeting_rules_and_text_limits'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='meeting',
            index=models.Index(fields=['group', 'date'], name='meeting_group_date'),
        ),
    ]

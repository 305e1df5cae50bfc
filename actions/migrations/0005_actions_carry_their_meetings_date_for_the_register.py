"""Actions carry their meeting's date, so that an index serves the register's reference order.

The register lists actions by meeting date, meeting and number. Across the join to meetings that
is a sort of every action the user may see, before the first page; with the date on the action,
``action_register_order`` serves ``ORDER BY meeting_date, meeting_id, number LIMIT 50`` directly,
and the last pages too, read backwards (``govuk.pagination.BothEndsPaginator``).
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_meeting_dates(apps, schema_editor):
    Action = apps.get_model("actions", "Action")
    Meeting = apps.get_model("meetings", "Meeting")
    Action.objects.update(meeting_date=Subquery(Meeting.objects.filter(pk=OuterRef("meeting_id")).values("date")[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("actions", "0004_update_withdrawal"),
        ("meetings", "0003_say_the_meeting_rules_and_text_limits"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="meeting_date",
            field=models.DateField(editable=False, null=True),
        ),
        migrations.RunPython(copy_meeting_dates, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="action",
            name="meeting_date",
            field=models.DateField(
                editable=False,
                help_text="Its meeting's date, kept here so that an index serves the register's order; "
                "``keep_meeting_date`` keeps it in step.",
            ),
        ),
        migrations.AddIndex(
            model_name="action",
            index=models.Index(fields=["meeting_date", "meeting", "number"], name="action_register_order"),
        ),
    ]

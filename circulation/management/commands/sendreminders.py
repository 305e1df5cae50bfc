import datetime

from django.core.management.base import BaseCommand

from circulation.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Remind each department of its outstanding actions, a group's set number of working days before its next "
        "meeting. Run it daily from cron: each department is reminded once per meeting however often it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=datetime.date.fromisoformat, help="Act as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, date=None, **options):
        reminded = send_reminders(date)
        self.stdout.write(f"Reminded {reminded} department{'' if reminded == 1 else 's'}.")

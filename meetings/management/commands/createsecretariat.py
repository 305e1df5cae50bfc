from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meetings.management.commands._users import add_user_arguments, create_user
from meetings.models import Group


class Command(BaseCommand):
    help = "Create a secretariat user who records the minutes of the groups named."

    def add_arguments(self, parser):
        add_user_arguments(parser)
        parser.add_argument("--group", action="append", required=True, help="A group's slug; repeat for several.")

    @transaction.atomic
    def handle(self, *args, username, email, password, group, **options):
        groups = list(Group.objects.filter(slug__in=group))
        missing = set(group) - {served.slug for served in groups}
        if missing:
            raise CommandError(f"No group with the slug {', '.join(sorted(missing))}.")
        user = create_user(username, email, password)
        # Added from the group's side: simple_history records Group.secretariat changes only when the
        # instance is a Group, and fails on the reverse (user.served_groups.add).
        for served in groups:
            served.secretariat.add(user)
        self.stdout.write(f"Created {username}, secretariat of {', '.join(g.short_name for g in groups)}.")

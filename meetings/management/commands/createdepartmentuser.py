from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meetings.management.commands._users import add_user_arguments, create_user
from meetings.models import Department, DepartmentMember


class Command(BaseCommand):
    help = "Create a department user, who reads circulated minutes and updates the department's actions."

    def add_arguments(self, parser):
        add_user_arguments(parser)
        parser.add_argument("--department", required=True, help='The short name, for example "Home Office".')

    @transaction.atomic
    def handle(self, *args, username, email, password, department, **options):
        found = Department.objects.filter(short_name__iexact=department).first()
        if found is None:
            raise CommandError(f"No department called {department}.")
        user = create_user(username, email, password)
        DepartmentMember.objects.create(user=user, department=found)
        self.stdout.write(f"Created {username}, a department user of {found.short_name}.")

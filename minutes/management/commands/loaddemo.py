from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from actions.models import Action
from meetings.models import Department, DepartmentMember, Group, Meeting, MinutesStatus, Person
from members.models import Membership
from minutes import demo

DEMO_USERS = [
    # username, password, role, the name updates are signed with
    ("secretariat", "secretariat-demo", "secretariat of the IDMG", ("Sam", "Okafor")),
    ("homeoffice", "homeoffice-demo", "department user, Home Office", ("Jane", "Smith")),
    ("admin", "admin-demo", "administrator", ("Alex", "Morgan")),
]


class Command(BaseCommand):
    help = "Load the two published IDMG minutes as demo data, and demo sign-ins. Running it again changes nothing."

    @transaction.atomic
    def handle(self, *args, **options):
        group, _ = Group.objects.get_or_create(slug=demo.GROUP["slug"], defaults=demo.GROUP)
        departments = self.load_departments()
        for minutes in demo.MEETINGS:
            if Meeting.objects.filter(group=group, date=minutes["date"]).exists():
                continue
            self.load_meeting(group, departments, minutes)
            self.stdout.write(f"Loaded the minutes of {minutes['date']:%-d %B %Y}.")
        self.load_members(group, departments)
        self.load_users(group, departments)

    def load_departments(self):
        departments = {}
        for short_name, name, _ in demo.DEPARTMENTS:
            departments[short_name], _ = Department.objects.get_or_create(
                short_name=short_name, defaults={"name": name}
            )
        for short_name, _, successor in demo.DEPARTMENTS:
            if successor and departments[short_name].successor_id is None:
                departments[short_name].successor = departments[successor]
                departments[short_name].save(update_fields=["successor"])
        return departments

    def load_meeting(self, group, departments, minutes):
        def person(name):
            return Person.objects.get_or_create(name=name)[0] if name else None

        fields = {key: value for key, value in minutes.items() if not isinstance(value, list)}
        if fields.get("status") == MinutesStatus.PUBLISHED:
            fields["published_at"] = timezone.now()
        meeting = Meeting.objects.create(group=group, **fields)
        for position, (department, name, deputising_for, role, remote) in enumerate(minutes["attendees"], 1):
            meeting.attendees.create(
                department=departments[department],
                person=person(name),
                deputising_for=person(deputising_for),
                role=role,
                remote=remote,
                position=position,
            )
        for position, (department, name) in enumerate(minutes["apologies"], 1):
            meeting.apologies.create(department=departments[department], person=person(name), position=position)
        for position, item in enumerate(minutes["agenda_items"], 1):
            agenda_item = meeting.agenda_items.create(number=item["number"], title=item["title"], position=position)
            for paragraph_position, (number, text) in enumerate(item["paragraphs"], 1):
                agenda_item.paragraphs.create(number=number, text=text, position=paragraph_position)
            for action_position, recorded in enumerate(item["actions"], 1):
                action = Action.objects.create(
                    agenda_item=agenda_item,
                    text=recorded["text"],
                    due_at_next_meeting=recorded.get("due_at_next_meeting", False),
                    position=action_position,
                )
                owners = [departments[owner] for owner in recorded["owners"]]
                action.set_owners(owners, lead=departments[recorded["lead"]])
        return meeting

    def load_members(self, group, departments):
        for department, representatives in demo.MEMBERS:
            membership, created = Membership.objects.get_or_create(group=group, department=departments[department])
            if created:
                for since, name in representatives:
                    membership.representatives.create(person=Person.objects.get_or_create(name=name)[0], since=since)

    def load_users(self, group, departments):
        if not settings.DEMO_SIGN_INS:
            self.stdout.write("No demo sign-ins made: with DJANGO_DEBUG=0 their published passwords would be a way in.")
            return
        User = get_user_model()
        self.stdout.write("Sign in at /sign-in/ with:")
        for username, password, role, (first_name, last_name) in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.first_name, user.last_name = first_name, last_name
                user.set_password(password)
                user.is_staff = user.is_superuser = role == "administrator"
                user.save()
                if role.startswith("secretariat"):
                    group.secretariat.add(user)
                elif role.startswith("department"):
                    DepartmentMember.objects.create(user=user, department=departments["Home Office"])
            self.stdout.write(f"  {username} / {password}  ({role})")

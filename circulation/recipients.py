"""Who an email goes to: the contacts of a group's member departments, and their department users at
the address of their own account, each address once per department."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower
from django.utils import timezone

from meetings.models import Department
from members.models import Contact, Membership


@dataclass(frozen=True)
class Recipient:
    name: str
    email: str
    department: Department

    @classmethod
    def of_contact(cls, contact):
        return cls(name=contact.name, email=contact.email, department=contact.membership.department)

    @classmethod
    def of_user(cls, user):
        return cls(
            name=user.get_full_name() or user.get_username(),
            email=user.email,
            department=user.department_member.department,
        )


def current_members(group, today=None):
    return Membership.objects.of(group).current_on(today or timezone.localdate())


def current_contacts(group, today=None):
    """The contacts of the group's members today, by department then name."""
    return (
        Contact.objects.filter(membership__in=current_members(group, today))
        .select_related("membership__department")
        .order_by("membership__department__short_name", "name", "pk")
    )


def department_users(group, today=None):
    """The active department users of the group's members today who have an email address, by department
    then name; leaving out those whose address is already one of their department's contacts."""
    members = current_members(group, today)
    listed = (
        Contact.objects.filter(membership__in=members, membership__department=OuterRef("department_member__department"))
        .annotate(address=Lower("email"))
        .filter(address=OuterRef("address"))
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, department_member__department__in=members.values("department"))
        .exclude(email="")
        .annotate(address=Lower("email"))
        .exclude(Exists(listed))
        .select_related("department_member__department")
        .order_by("department_member__department__short_name", "first_name", "last_name", "pk")
    )


def chosen(contacts, users):
    """The recipients of the chosen contacts and department users, each address once per department."""
    everyone = [Recipient.of_contact(contact) for contact in contacts] + [Recipient.of_user(user) for user in users]
    seen = set()
    recipients = []
    for recipient in everyone:
        key = (recipient.department.pk, recipient.email.lower())
        if key not in seen:
            seen.add(key)
            recipients.append(recipient)
    return recipients


def of_department(recipients, department):
    return [recipient for recipient in recipients if recipient.department.pk == department.pk]

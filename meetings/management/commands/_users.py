"""What the user-creating commands share: a user, with a password given or asked for."""

import getpass
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


def add_user_arguments(parser):
    parser.add_argument("username")
    parser.add_argument("--email", default="")
    parser.add_argument("--password", help="The password; asked for when left out and a terminal is there to ask on.")


def create_user(username, email="", password=None):
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise CommandError(f"There is already a user called {username}.")
    if password is None:
        if not sys.stdin.isatty():
            raise CommandError("Give --password, or run the command in a terminal to be asked for one.")
        password = getpass.getpass("Password: ")
    user = User(username=username, email=email)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise CommandError(" ".join(error.messages)) from error
    user.set_password(password)
    user.save()
    return user

"""Inviting a department user by email, and "Forgot your password?": links that work once, for a time."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from pytest_django.asserts import assertContains, assertRedirects

from circulation.models import Message
from meetings.models import DepartmentMember
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


def invite_url(group):
    return reverse("circulation:invite", args=[group.slug])


def invite(client, idmg, **fields):
    data = {"name": "Ann Private-Secretary", "email": "ann@homeoffice.gov.uk", "department": idmg.home_office.pk}
    return client.post(invite_url(idmg.group), data | fields)


def link_in(email):
    return re.search(r"https://idmg\.example\.gov\.uk(/password/[^/\s]+/[^/\s]+/)", email.body).group(1)


def choose_password(client, link, password=PASSWORD):
    form = client.get(link, follow=True)
    return form, client.post(form.redirect_chain[-1][0], {"new_password1": password, "new_password2": password})


def test_the_invitation_page_offers_the_groups_member_departments(secretariat_client, idmg):
    response = secretariat_client.get(invite_url(idmg.group))

    assertContains(response, '<h1 class="govuk-heading-l">Invite a department user</h1>', html=True)
    assertContains(response, f'<option value="{idmg.moj.pk}">MOJ</option>', html=True)


def test_inviting_makes_a_department_user_and_emails_them_a_link(secretariat_client, idmg):
    response = invite(secretariat_client, idmg)

    assertRedirects(response, reverse("circulation:outbox", args=[idmg.group.slug]), fetch_redirect_response=False)
    user = get_user_model().objects.get(username="ann@homeoffice.gov.uk")
    assert (user.first_name, user.last_name, user.has_usable_password()) == ("Ann", "Private-Secretary", False)
    assert DepartmentMember.objects.get(user=user).department == idmg.home_office
    [email] = mail.outbox
    assert email.to == ["Ann Private-Secretary <ann@homeoffice.gov.uk>"]
    assert email.subject.startswith("Inter-Departmental Ministerial Group on Human Trafficking: ")
    assert link_in(email)
    message = Message.objects.get(purpose=Message.Purpose.INVITATION)
    assert message.group == idmg.group
    assert message.text_body == ""  # the link is not kept once sent


def test_the_invitation_link_sets_a_password_once(client, secretariat_client, idmg):
    invite(secretariat_client, idmg)
    link = link_in(mail.outbox[0])
    client.logout()

    form, saved = choose_password(client, link)

    assertContains(form, "Choose your password")
    assertContains(form, "ann@homeoffice.gov.uk")
    assertRedirects(saved, reverse("password_reset_complete"), fetch_redirect_response=False)
    assert get_user_model().objects.get(username="ann@homeoffice.gov.uk").check_password(PASSWORD)
    again = client.get(link, follow=True)
    assertContains(again, '<h1 class="govuk-heading-l">This link has expired or been used</h1>', html=True)


def test_an_expired_link_says_so(client, secretariat_client, idmg, settings):
    invite(secretariat_client, idmg)
    link = link_in(mail.outbox[0])
    client.logout()
    settings.PASSWORD_RESET_TIMEOUT = -1

    response = client.get(link, follow=True)

    assertContains(response, "This link has expired or been used")
    assertContains(response, f'href="{reverse("password_reset")}"')


def test_an_invalid_address_is_refused_at_the_field(secretariat_client, idmg):
    response = invite(secretariat_client, idmg, email="ann at homeoffice")

    assertContains(response, "Enter an email address in the correct format, like name@example.gov.uk")
    assertContains(response, 'value="Ann Private-Secretary"')
    assert not get_user_model().objects.filter(first_name="Ann").exists()
    assert not Message.objects.exists()


def test_a_name_too_long_is_refused_at_the_field_saying_the_limit(secretariat_client, idmg):
    response = invite(secretariat_client, idmg, name="Ann " + "x" * 150)

    assertContains(response, "Full name must be 150 characters or less")
    assert not get_user_model().objects.filter(first_name="Ann").exists()


def test_passwords_that_differ_are_refused_in_plain_words(client, secretariat_client, idmg):
    invite(secretariat_client, idmg)
    client.logout()
    form = client.get(link_in(mail.outbox[0]), follow=True)

    response = client.post(form.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD + "!"})

    assertContains(response, "The passwords do not match: type the same new password in both boxes")
    assert not get_user_model().objects.get(username="ann@homeoffice.gov.uk").has_usable_password()


def test_an_address_someone_signs_in_with_is_refused(secretariat_client, idmg):
    UserFactory(username="ann", email="ann@homeoffice.gov.uk")

    response = invite(secretariat_client, idmg)

    assertContains(response, "Someone already signs in with this email address")
    assert not Message.objects.exists()


def test_the_sign_in_page_offers_to_reset_a_forgotten_password(client):
    response = client.get(reverse("login"))

    assertContains(response, f'<a class="govuk-link" href="{reverse("password_reset")}">Forgot your password?</a>')


def test_a_forgotten_password_is_reset_by_email(client, db):
    UserFactory(username="bob", email="bob@justice.gov.uk")

    response = client.post(reverse("password_reset"), {"email": "Bob@justice.gov.uk"})

    assertRedirects(response, reverse("password_reset_done"), fetch_redirect_response=False)
    [email] = mail.outbox
    assert email.to == ["bob@justice.gov.uk"]
    _, saved = choose_password(client, link_in(email))
    assert saved.status_code == 302
    assert get_user_model().objects.get(username="bob").check_password(PASSWORD)


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.gov.uk"})

    assertRedirects(response, reverse("password_reset_done"), fetch_redirect_response=False)
    assert not mail.outbox


def test_asking_again_at_once_sends_one_email(client, db):
    UserFactory(username="bob", email="bob@justice.gov.uk")

    client.post(reverse("password_reset"), {"email": "bob@justice.gov.uk"})
    client.post(reverse("password_reset"), {"email": "bob@justice.gov.uk"})

    assert len(mail.outbox) == 1


def test_a_weak_password_is_refused_at_the_field(client, db):
    UserFactory(username="bob", email="bob@justice.gov.uk")
    client.post(reverse("password_reset"), {"email": "bob@justice.gov.uk"})

    _, refused = choose_password(client, link_in(mail.outbox[0]), password="password")

    assertContains(refused, "This password is too common.")


def test_an_empty_password_is_asked_for_in_plain_words(client, db):
    UserFactory(username="bob", email="bob@justice.gov.uk")
    client.post(reverse("password_reset"), {"email": "bob@justice.gov.uk"})

    form = client.get(link_in(mail.outbox[0]), follow=True)
    refused = client.post(form.redirect_chain[-1][0], {"new_password1": "", "new_password2": ""})

    assertContains(refused, "Enter a new password")
    assertContains(refused, "Enter the new password again")

"""The background tasks that send email, run by `manage.py db_worker`."""

from django_tasks import task

from circulation import outbox


@task()
def send_message(message_id):
    """Send one message of the outbox; on a failure it is queued again later, or marked failed."""
    outbox.deliver(message_id)

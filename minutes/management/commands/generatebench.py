import time

from django.core.management.base import BaseCommand, CommandError

from meetings.models import Meeting
from minutes.benchdata import Generator


class Command(BaseCommand):
    help = (
        "Generate the benchmark's data set into an empty database: by default ten years of twenty groups, "
        "about 2,000 meetings and 200,000 actions, the same for the same seed, dated back from today."
    )

    def add_arguments(self, parser):
        parser.add_argument("--actions", type=int, default=200_000, help="How many actions (default 200,000).")
        parser.add_argument("--groups", type=int, default=20, help="How many groups, at most 20 (default 20).")
        parser.add_argument("--years", type=int, default=10, help="How many years of meetings (default 10).")
        parser.add_argument("--seed", type=int, default=2013)
        parser.add_argument(
            "--large-minutes",
            action="store_true",
            help="Also a meeting with 120 actions and 450 matters arising reviewed, for timing its documents.",
        )

    def handle(self, *args, **options):
        if Meeting.objects.exists():
            raise CommandError("The database already holds meetings: generate into an empty one.")
        started = time.monotonic()
        generated = Generator(
            actions=options["actions"],
            groups=options["groups"],
            years=options["years"],
            seed=options["seed"],
            large_minutes=options["large_minutes"],
        ).run()
        for name, count in sorted(generated.counts.items()):
            self.stdout.write(f"{name}: {count:,}")
        self.stdout.write(f"Generated in {time.monotonic() - started:.0f} s.")

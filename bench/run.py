"""The benchmark of issue 11: the app at ten years of twenty groups, on PostgreSQL, served by gunicorn.

    .venv/bin/python bench/run.py            # generates the data once, then measures; writes docs/performance.md

It makes (or reuses) the database, generates the data set with ``manage.py generatebench --large-minutes``,
serves the app with gunicorn (2 workers, DEBUG off, on loopback) and measures each page one request at
a time (p50 and p99, and its ratio to a bare view through the same middleware measured in the same run),
then with wrk when it is installed; the exports' time to first and last byte and the worker's memory; and
the build of the DOCX, ODT and PDF of the largest minutes. Queries per page are counted in a separate pass
in this process (Django's test client, every query of the request and of its streamed body).
"""

import argparse
import contextlib
import datetime
import http.client
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/idmg_benchmark"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE))
    parser.add_argument("--actions", type=int, default=200_000)
    parser.add_argument("--requests", type=int, default=20, help="Requests per page, one at a time.")
    parser.add_argument("--wrk-seconds", type=int, default=10)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--output", default=str(ROOT / "docs" / "performance.md"))
    arguments = parser.parse_args()

    shutil.rmtree("/tmp/idmg-bench-cache", ignore_errors=True)
    environment = {
        **os.environ,
        "DATABASE_URL": arguments.database_url,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-not-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update(environment)
    sys.path.insert(0, str(ROOT))
    prepare_database(arguments, environment)
    manage(environment, "collectstatic", "--noinput", "-v0")

    import django

    django.setup()
    subjects = Subjects.find()
    cookie = subjects.session_cookie()
    queries = count_queries(subjects)
    documents = time_documents(subjects)

    server = Server(environment, arguments.port)
    try:
        server.start()
        client = Client(arguments.port, cookie)
        for _ in range(3):
            client.get("/bench/bare/")
        pages = [measure(client, name, path, arguments.requests) for name, path, _ in subjects.pages()]
        bare = pages[0]
        exports = [export(client, server, name, path) for name, path in subjects.exports()]
        changes = measure_changes(client, subjects, arguments.requests)
        cached = cached_documents(client, subjects)
        loaded = []
        if shutil.which("wrk"):
            answered = {page["path"] for page in pages if "failed" not in page}
            for name, path, _ in subjects.pages():
                if path not in answered:
                    continue
                loaded.append(load(arguments.port, cookie, name, path, arguments.wrk_seconds))
                drain(client)
    finally:
        server.stop()

    report = Report(subjects, queries, pages, bare, loaded, exports, documents, cached, changes)
    report.requests = arguments.requests
    print(report.markdown())
    Path(arguments.output).parent.mkdir(parents=True, exist_ok=True)
    Path(arguments.output).write_text(report.markdown())


def manage(environment, *command):
    subprocess.run([PYTHON, str(ROOT / "manage.py"), *command], env=environment, check=True, cwd=ROOT)


def prepare_database(arguments, environment):
    """Create the database and generate the data set, unless a previous run already did."""
    server, name = arguments.database_url.rsplit("/", 1)
    exists = subprocess.run(
        ["psql", f"{server}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{name}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)
    manage(environment, "migrate", "-v0")
    has_data = subprocess.run(
        ["psql", arguments.database_url, "-tAc", "SELECT count(*) FROM meetings_meeting"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if has_data == "0":
        started = time.monotonic()
        manage(environment, "generatebench", "--actions", str(arguments.actions), "--large-minutes")
        print(f"Generated in {time.monotonic() - started:.0f} s", flush=True)
    subprocess.run(["psql", arguments.database_url, "-qc", "VACUUM ANALYZE"], check=True)


class Subjects:
    """The records whose pages are measured: the largest of each kind in the data."""

    @classmethod
    def find(cls):
        from django.contrib.auth import get_user_model
        from django.db.models import Count, Q

        from actions.models import OUTSTANDING, Action, ActionOwner
        from meetings.models import Department, Group, Meeting, MinutesStatus

        subjects = cls()
        user, _ = get_user_model().objects.get_or_create(username="bench-secretariat", defaults={"first_name": "Bench"})
        for group in Group.objects.all():
            group.secretariat.add(user)
        subjects.user = user
        subjects.actions = Action.objects.count()
        subjects.counts = {
            "groups": Group.objects.count(),
            "meetings": Meeting.objects.count(),
            "actions": subjects.actions,
            "owners": ActionOwner.objects.count(),
            "updates": Action.updates.rel.related_model.objects.count(),
            "paragraphs": Meeting.agenda_items.rel.related_model.paragraphs.rel.related_model.objects.count(),
        }
        ordinary = Group.objects.exclude(slug="large-minutes")
        subjects.group = ordinary.annotate(held=Count("meetings")).order_by("-held", "pk").first()
        subjects.large = Meeting.objects.filter(group__slug="large-minutes").order_by("-date").first()
        drafts = Meeting.objects.filter(group__in=ordinary, status=MinutesStatus.DRAFT, agenda_items__isnull=False)
        subjects.draft = max(drafts.distinct(), key=lambda meeting: Action.objects.matters_arising(meeting).count())
        subjects.draft_arising = Action.objects.matters_arising(subjects.draft).count()
        published = Meeting.objects.filter(group__in=ordinary, status=MinutesStatus.PUBLISHED)
        subjects.published = published.annotate(size=Count("actions")).order_by("-size", "pk").first()
        outstanding = Q(action_ownerships__action__status__in=OUTSTANDING)
        subjects.department = (
            Department.objects.filter(successor=None)
            .annotate(outstanding=Count("action_ownerships", filter=outstanding))
            .order_by("-outstanding")
            .first()
        )
        subjects.last_page = (subjects.actions + 49) // 50
        return subjects

    def session_cookie(self):
        from django.conf import settings
        from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
        from django.contrib.sessions.backends.db import SessionStore

        session = SessionStore()
        session[SESSION_KEY] = str(self.user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = self.user.get_session_auth_hash()
        session.create()
        return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    def pages(self):
        """(name, path, target as a multiple of the bare view)."""
        from publication import published

        return [
            ("bare view", "/bench/bare/", None),
            ("groups", "/groups/", 10),
            (f"a group's meetings ({self.group.short_name})", f"/groups/{self.group.slug}/", 10),
            (f"department page ({self.department.short_name})", f"/departments/{self.department.pk}/", 10),
            ("register, page 1", "/actions/", 10),
            ("register, page 500", "/actions/?page=500", 10),
            (f"register, last page ({self.last_page})", f"/actions/?page={self.last_page}", 10),
            ("register filtered by text", "/actions/?q=report", 10),
            ("register by due date, page 500", "/actions/?sort=due&page=500", 10),
            ("register newest first, page 500", "/actions/?sort=-reference&page=500", 10),
            ("register by status, page 500", "/actions/?sort=status&page=500", 10),
            ("search for one word", "/search/?q=report", 10),
            ("search for two words, actions only", "/search/?q=victims+support&kind=actions", 10),
            ("department suggestions as typed", "/suggestions/departments/?q=ho", 10),
            ("person suggestions as typed", "/suggestions/people/?q=smi", 10),
            ("minutes of the largest meeting (120 actions, 450 arising)", f"/meetings/{self.large.pk}/", 20),
            (f"recording page ({self.draft_arising} matters arising)", f"/meetings/{self.draft.pk}/record/", 20),
            (
                "public minutes (published)",
                published.address(
                    published.with_addresses(type(self.published).objects.filter(pk=self.published.pk)).get()
                ),
                20,
            ),
        ]

    def exports(self):
        return [
            ("CSV of the whole register", "/actions/export.csv"),
            ("XLSX of the whole register", "/actions/export.xlsx"),
            ("ODS of the whole register", "/actions/export.ods"),
        ]


def count_queries(subjects):
    """Every query each page makes, its streamed body included, through Django's test client."""
    from django.db import connection
    from django.test import Client as TestClient
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = TestClient()
    client.force_login(subjects.user)
    counts = {}
    client.raise_request_exception = False
    for _, path, _ in subjects.pages() + [(*export, None) for export in subjects.exports()]:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
            if response.streaming:
                for _ in response.streaming_content:
                    pass
        counts[path] = len(captured) if response.status_code == 200 else f"error {response.status_code}"
        print(f"{path}: {counts[path]} queries", flush=True)
    return counts


def time_documents(subjects):
    """The DOCX, ODT and PDF of the largest minutes: fetching the minutes and building each, best of three."""
    from actions.models import Action
    from minutes.contents import with_minutes
    from minutes.documents.content import minutes_content
    from minutes.downloads import FORMATS

    meeting = with_minutes().get(pk=subjects.large.pk)
    timings = {}
    for extension, document_format in FORMATS.items():
        runs, processor = [], []
        for _ in range(2):
            started, started_processor = time.perf_counter(), time.process_time()
            meeting = with_minutes().get(pk=subjects.large.pk)
            content = minutes_content(meeting, Action.objects.reviewed_at(meeting))
            size = len(document_format.build(content))
            runs.append(time.perf_counter() - started)
            processor.append(time.process_time() - started_processor)
        timings[extension] = (min(runs), statistics.median(runs), min(processor), size)
    subjects.document_rows = (len(content.matters_arising), sum(len(item.actions) for item in content.items))
    return timings


class Server:
    """gunicorn serving the app with production settings: 2 workers, on loopback."""

    def __init__(self, environment, port):
        self.environment, self.port = environment, port

    def start(self):
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "idmg.wsgi",
                "--workers=2",
                f"--bind=127.0.0.1:{self.port}",
                "--timeout=120",
                "--log-level=warning",
            ],
            env=self.environment,
            cwd=ROOT,
        )
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", self.port, timeout=1).request("GET", "/bench/bare/")
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1)

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)


def rss(pid):
    """A process's resident memory, in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Client:
    def __init__(self, port, cookie):
        self.port, self.cookie = port, cookie

    def open(self, path, method="GET", body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=300)
        headers = {"Cookie": self.cookie, "Host": "127.0.0.1", **(headers or {})}
        connection.request(method, path, body=body, headers=headers)
        return connection, connection.getresponse()

    def post(self, path, data):
        """An htmx POST with the session's CSRF token: the response's status, body and seconds to its last byte."""
        from urllib.parse import urlencode

        if not hasattr(self, "csrf"):
            self.csrf = self.csrf_token()
        body = urlencode({**data, "csrfmiddlewaretoken": self.csrf})
        headers = {
            "Cookie": f"{self.cookie}; csrftoken={self.csrf}",
            "Content-Type": "application/x-www-form-urlencoded",
            "HX-Request": "true",
        }
        return self.answer(path, "POST", body, headers)

    def csrf_token(self):
        connection, response = self.open("/groups/")
        cookies = response.headers.get_all("Set-Cookie") or []
        response.read()
        connection.close()
        return next(re.match(r"csrftoken=([^;]+)", cookie).group(1) for cookie in cookies if "csrftoken=" in cookie)

    def get(self, path):
        """The response's body, and the seconds until its last byte."""
        return self.answer(path)

    def answer(self, path, method="GET", body=None, headers=None):
        started = time.perf_counter()
        connection, response = self.open(path, method, body, headers)
        content = response.read()
        elapsed = time.perf_counter() - started
        connection.close()
        if response.status != 200:
            raise RuntimeError(f"answered {response.status} after {elapsed:.0f} s")
        return content, elapsed


def measure(client, name, path, requests):
    """One request at a time: the page's p50 and p99, and its size; None when it does not answer."""
    try:
        client.get(path)
    except RuntimeError as error:
        print(f"{name}: {error}", flush=True)
        return {"name": name, "path": path, "failed": str(error)}
    timings = []
    for _ in range(requests):
        body, elapsed = client.get(path)
        timings.append(elapsed)
    timings.sort()
    p99 = timings[min(len(timings) - 1, round(0.99 * (len(timings) - 1)))]
    print(f"{name}: p50 {statistics.median(timings) * 1000:.1f} ms", flush=True)
    return {"name": name, "path": path, "p50": statistics.median(timings), "p99": p99, "bytes": len(body)}


def load(port, cookie, name, path, seconds):
    """wrk with four connections for a few seconds: requests per second and latency percentiles."""
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            "-c4",
            f"-d{seconds}s",
            "--latency",
            "--timeout=60s",
            "-H",
            f"Cookie: {cookie}",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
    ).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", result)
    latency = {percent: re.search(rf"\s{percent}%\s+([\d.]+)(us|ms|s)", result) for percent in ("50", "99")}

    def as_ms(found):
        if not found:
            return None
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return {
        "name": name,
        "rate": float(rate.group(1)) if rate else None,
        "p50": as_ms(latency["50"]),
        "p99": as_ms(latency["99"]),
        "errors": "Non-2xx" in result or "Socket errors" in result,
    }


def drain(client):
    """Wait for the workers to finish what wrk left queued when it stopped."""
    for _ in range(600):
        _, elapsed = client.get("/bench/bare/")
        if elapsed < 0.1:
            return
        time.sleep(0.5)


def export(client, server, name, path):
    """Time to first and last byte, and the growth of the worker's memory while it answered."""
    workers = server.workers()
    before = {pid: rss(pid) for pid in workers}
    peak = dict(before)
    answering = True

    def watch():
        while answering:
            for pid in workers:
                with contextlib.suppress(OSError):
                    peak[pid] = max(peak[pid], rss(pid))
            time.sleep(0.02)

    watcher = threading.Thread(target=watch)
    watcher.start()
    started = time.perf_counter()
    connection, response = client.open(path)
    first = response.read(1)
    first_byte = time.perf_counter() - started
    size = len(first) + len(response.read())
    last_byte = time.perf_counter() - started
    answering = False
    watcher.join()
    connection.close()
    growth = max(peak[pid] - before[pid] for pid in workers)
    print(f"{name}: first byte {first_byte:.2f} s, last {last_byte:.2f} s, +{growth:.0f} MiB", flush=True)
    return {
        "name": name,
        "first": first_byte,
        "last": last_byte,
        "bytes": size,
        "growth": growth,
        "peak": max(peak.values()),
    }


CHANGE_TEXT = "Update recorded by the benchmark"


def measure_changes(client, subjects, requests):
    """The htmx responses of changes on the recording page of the draft with the most matters arising:
    recording an update on one of them, adding an attendee, changing a paragraph. What they add is
    removed afterwards, so that the next run measures the same data.
    """
    from django.urls import reverse
    from django.utils import timezone

    from actions.models import Action, Update
    from meetings.models import Attendee, Department, Meeting, Paragraph, Person

    meeting = subjects.draft
    arising = list(Action.objects.matters_arising(meeting).order_by("pk")[: requests + 1])
    paragraph = Paragraph.objects.filter(agenda_item__meeting=meeting).order_by("pk").first()
    department = Department.objects.filter(successor=None).order_by("pk").first()
    original_text = paragraph.text
    timings = {"update": [], "attendee": [], "paragraph": []}
    started = timezone.now()
    try:
        for index, action in enumerate(arising):
            action.refresh_from_db()
            prefix = f"arising-{action.pk}"
            body, elapsed = client.post(
                reverse("minutes:matters-arising-update", args=[meeting.pk, action.pk]),
                {f"{prefix}-status": action.status, f"{prefix}-text": CHANGE_TEXT, f"{prefix}-version": action.version},
            )
            if index:
                timings["update"].append((elapsed, len(body)))
        for index in range(requests + 1):
            body, elapsed = client.post(
                reverse("minutes:attendee-add", args=[meeting.pk]),
                {"attendee-department": department.short_name, "attendee-person": f"Benchmark Attendee {index}"},
            )
            if index:
                timings["attendee"].append((elapsed, len(body)))
        for index in range(requests + 1):
            paragraph.refresh_from_db()
            prefix = f"paragraph-{paragraph.pk}"
            body, elapsed = client.post(
                reverse("minutes:paragraph-edit", args=[meeting.pk, paragraph.pk]),
                {
                    f"{prefix}-number": paragraph.number,
                    f"{prefix}-text": f"{original_text} ({index})",
                    f"{prefix}-version": paragraph.version,
                },
            )
            if index:
                timings["paragraph"].append((elapsed, len(body)))
    except RuntimeError as error:
        print(f"changes: {error}", flush=True)
        return {"failed": str(error)}
    finally:
        Update.objects.filter(text=CHANGE_TEXT, reported_at=meeting).delete()
        Attendee.objects.filter(meeting=meeting, person__name__startswith="Benchmark Attendee").delete()
        Paragraph.objects.filter(pk=paragraph.pk).update(text=original_text)
        for model in (Action, Attendee, Paragraph, Person, Meeting):
            model.history.filter(history_date__gte=started).delete()
        Person.objects.filter(name__startswith="Benchmark Attendee").delete()
    names = {
        "update": f"record an update in matters arising ({subjects.draft_arising} on the page's meeting)",
        "attendee": "add an attendee",
        "paragraph": "change a paragraph",
    }
    measured = {}
    for kind, runs in timings.items():
        times = sorted(elapsed for elapsed, _ in runs)
        measured[names[kind]] = {
            "p50": statistics.median(times),
            "p99": times[min(len(times) - 1, round(0.99 * (len(times) - 1)))],
            "bytes": max(size for _, size in runs),
        }
        print(f"{names[kind]}: p50 {measured[names[kind]]['p50'] * 1000:.1f} ms", flush=True)
    return measured


def cached_documents(client, subjects):
    """A published meeting's public documents: the first request builds each, the next is served from the cache."""
    from publication import published

    address = published.address(
        published.with_addresses(type(subjects.published).objects.filter(pk=subjects.published.pk)).get()
    )
    timings = {}
    for extension in ("docx", "odt", "pdf"):
        _, first = client.get(f"{address}minutes.{extension}")
        _, second = client.get(f"{address}minutes.{extension}")
        timings[extension] = (first, second)
    return timings


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = int(Path("/proc/meminfo").read_text().split()[1]) // 1024 // 1024
    postgres = subprocess.run(
        ["psql", os.environ["DATABASE_URL"], "-tAc", "SHOW server_version"], capture_output=True, text=True
    ).stdout.strip()
    load_average = os.getloadavg()[0]
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory} GiB; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; PostgreSQL {postgres} on the same machine; "
        f"load average {load_average:.1f} at the end of the run"
    )


class Report:
    def __init__(self, subjects, queries, pages, bare, loaded, exports, documents, cached, changes):
        self.subjects, self.queries, self.pages, self.bare = subjects, queries, pages, bare
        self.loaded, self.exports, self.documents, self.cached = loaded, exports, documents, cached
        self.changes = changes

    def markdown(self):
        subjects = self.subjects
        targets = {path: target for _, path, target in subjects.pages()}
        counts = ", ".join(f"{count:,} {name}" for name, count in subjects.counts.items())
        lines = [
            "# Performance",
            "",
            f"Measured by `bench/run.py` on {datetime.date.today():%-d %B %Y}: {machine()}.",
            "",
            f"Data (`manage.py generatebench --large-minutes`): {counts}.",
            f"gunicorn with 2 workers, DEBUG off, on loopback; one request at a time ({self.requests} per page), "
            f"{self.pages[0]['name']} measured in the same run: p50 {self.bare['p50'] * 1000:.1f} ms.",
            "Queries are every query of the request (and of its streamed body), counted in a separate pass.",
            "",
            "## Pages, one request at a time",
            "",
            "| page | queries | size | p50 | p99 | p50 ÷ bare | target | met |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for page in self.pages:
            if "failed" in page:
                lines.append(
                    f"| {page['name']} | {self.queries[page['path']]} | | no answer: {page['failed']} "
                    f"(a query over the 30 s statement timeout) | | | ≤ {targets[page['path']]} | **no** |"
                )
                continue
            ratio = page["p50"] / self.bare["p50"]
            target = targets[page["path"]]
            met = "" if not target else "yes" if ratio <= target else "**no**"
            lines.append(
                f"| {page['name']} | {self.queries[page['path']]} | {page['bytes'] / 1024:.0f} KB | "
                f"{page['p50'] * 1000:.0f} ms | {page['p99'] * 1000:.0f} ms | {ratio:.1f} | "
                f"{'≤ ' + str(target) if target else ''} | {met} |"
            )
        lines += [
            "",
            "## Changes on the recording page (htmx responses)",
            "",
            "Target: at most 5 times the bare view and under 20 KB.",
            "",
            "| change | size | p50 | p99 | p50 ÷ bare | met |",
            "|---|---:|---:|---:|---:|---|",
        ]
        if "failed" in self.changes:
            lines.append(f"| all | | no answer: {self.changes['failed']} | | | **no** |")
        else:
            for name, change in self.changes.items():
                ratio = change["p50"] / self.bare["p50"]
                met = "yes" if ratio <= 5 and change["bytes"] < 20 * 1024 else "**no**"
                lines.append(
                    f"| {name} | {change['bytes'] / 1024:.1f} KB | {change['p50'] * 1000:.0f} ms | "
                    f"{change['p99'] * 1000:.0f} ms | {ratio:.1f} | {met} |"
                )
        if self.loaded:
            lines += [
                "",
                "## Pages under load (wrk, 2 threads, 4 connections)",
                "",
                "| page | requests/s | p50 | p99 |",
                "|---|---:|---:|---:|",
            ]
            for page in self.loaded:
                if not page["rate"]:
                    lines.append(f"| {page['name']} | none finished | | |")
                    continue
                p50 = f"{page['p50']:.0f} ms" if page["p50"] else "?"
                p99 = f"{page['p99']:.0f} ms" if page["p99"] else "?"
                errors = " (some timed out)" if page["errors"] else ""
                lines.append(f"| {page['name']} | {page['rate']:.1f}{errors} | {p50} | {p99} |")
        lines += [
            "",
            f"## Exports of all {subjects.actions:,} actions",
            "",
            "Target: first byte within a second (CSV), last byte within 5 s, worker memory growth under 100 MB.",
            "",
            "| export | queries | size | first byte | last byte | worker memory growth | worker peak RSS |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        exports = dict(subjects.exports())
        for name, path in exports.items():
            row = next(row for row in self.exports if row["name"] == name)
            lines.append(
                f"| {name} | {self.queries[path]} | {row['bytes'] / 1024 / 1024:.1f} MB | {row['first']:.2f} s | "
                f"{row['last']:.2f} s | {row['growth']:.0f} MiB | {row['peak']:.0f} MiB |"
            )
        arising, actions = subjects.document_rows
        lines += [
            "",
            f"## Documents of the largest minutes ({actions} actions, {arising} matters arising)",
            "",
            "Built in the benchmark's process: fetching the minutes and building the file, best and median of two, "
            "and the best of the processor time it took (the time on a machine with nothing else to do; the "
            "database's own time is not in it). Target: under 2 s each.",
            "",
            "| document | best | median | processor time | size |",
            "|---|---:|---:|---:|---:|",
        ]
        for extension, (best, median, processor, size) in self.documents.items():
            lines.append(
                f"| {extension.upper()} | {best:.2f} s | {median:.2f} s | {processor:.2f} s | {size / 1024:.0f} KB |"
            )
        lines += [
            "",
            f"Published minutes' documents over HTTP ({subjects.published}): first request, then from the cache.",
            "",
            "| document | first request | second request |",
            "|---|---:|---:|",
        ]
        for extension, (first, second) in self.cached.items():
            lines.append(f"| {extension.upper()} | {first * 1000:.0f} ms | {second * 1000:.0f} ms |")
        return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

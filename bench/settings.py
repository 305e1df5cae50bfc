"""The app's settings as production runs them, plus a bare page to measure against (``bench.urls``).

Only the benchmark (``bench/run.py``) uses these: the bare view is never in the app's URLs.
"""

import os

from idmg.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# Production serves collected, hashed static files; the benchmark collects them here.
STATIC_ROOT = os.environ.get("BENCH_STATIC_ROOT", "/tmp/idmg-bench-static")
# Answers over plain HTTP on loopback: no redirect to HTTPS.
SECURE_SSL_REDIRECT = False
CACHES["default"]["LOCATION"] = os.environ.get("BENCH_CACHE_DIR", "/tmp/idmg-bench-cache")  # noqa: F405
# A page whose query runs away answers with an error after this long, and the benchmark says so.
DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off -c statement_timeout=30000"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

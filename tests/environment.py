"""Loaded as a pytest plugin (`-p tests.environment`) before Django starts: test-only defaults.

The suite runs tasks in-process; REDIS_URL is moved to TEST_REDIS_URL so that only the tests about
Redis and the Celery worker use it (they start their own worker against it).
"""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ["TEST_REDIS_URL"] = os.environ.pop("REDIS_URL", "") or os.environ.get(
    "TEST_REDIS_URL", ""
)

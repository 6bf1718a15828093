"""Loaded as a pytest plugin (`-p tests.environment`) before Django starts: test-only defaults."""

import os

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

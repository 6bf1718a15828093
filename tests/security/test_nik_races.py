"""Parallel registrations with one NIK: every one is stored, the losers as duplicates (no 500)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from rest_framework.test import APIClient

from jobseekers.models import JobSeeker
from tests.jobseekers.test_api import NIK, registration


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_with_one_nik_all_succeed_and_one_holds_it():
    barrier = threading.Barrier(4)
    statuses: list[int] = []

    def register(n: int) -> None:
        try:
            barrier.wait()
            response = APIClient().post(
                "/api/v1/jobseekers/", registration(email=f"p{n}@example.org"), format="json"
            )
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [201] * 4
    rows = JobSeeker.objects.filter(nik=NIK)
    assert rows.count() == 4
    assert rows.filter(duplicate_of__isnull=True).count() == 1

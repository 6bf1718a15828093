"""Settings for the two-beat fault test (F5): the real schedule's two jobs, due every 2 seconds.

Two beat processes with this schedule send the nightly run and the monthly IPK build many times
over, exactly what two beats started by mistake do at 01:00 and on the 1st.
"""

import os

from placement.settings import *  # noqa: F403

CELERY_BEAT_SCHEDULE = {
    "nightly-matching": {
        "task": "placement.matching.tasks.nightly_matching",
        "schedule": 2.0,
        "kwargs": {"run_on": os.environ["F5_RUN_ON"]},
    },
    "monthly-ipk-reports": {
        "task": "placement.reports.tasks.build_monthly_reports",
        "schedule": 2.0,
    },
}

"""Settings for the notification fault test: e-mail goes to files through a slow "mail server".

Each send waits F7_MAIL_SECONDS before writing, so two deliveries of one message overlap in time
(two workers at once) and a worker can be killed while a send is under way.
"""

import os

from placement.settings import *  # noqa: F403

EMAIL_BACKEND = "tests.ops.slow_mail.SlowFileBackend"
EMAIL_FILE_PATH = os.environ["F7_MAIL_DIR"]

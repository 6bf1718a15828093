"""A file e-mail backend that takes its time (tests/ops/mail_settings.py)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class SlowFileBackend(EmailBackend):
    def send_messages(self, email_messages):
        # Mark the send as under way (the test waits for this), then take the server's time.
        Path(self.file_path, f"sending-{os.getpid()}").touch()
        time.sleep(float(os.environ.get("F7_MAIL_SECONDS", "2")))
        return super().send_messages(email_messages)

#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "placement.settings")
    # A checkout with neither DEBUG nor SECRET_KEY set is a developer's: run in development mode.
    # Production sets SECRET_KEY (required there), so DEBUG stays off unless asked for; the WSGI
    # entry point never defaults to DEBUG.
    if "DEBUG" not in os.environ and "SECRET_KEY" not in os.environ:
        os.environ["DEBUG"] = "1"
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

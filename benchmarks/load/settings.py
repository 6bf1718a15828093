"""Production settings for the load test, served over plain HTTP on 127.0.0.1.

Everything is production (DEBUG off, gunicorn, WhiteNoise, persistent connections, JSON logs)
except the cookie and redirect flags that only make sense behind the HTTPS proxy: the load
generator talks HTTP to the loopback address, and a Secure cookie is never sent over HTTP.
"""

from placement.settings import *  # noqa: F403

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
# One load-generator address signs in the same accounts many times: keep the lockout, but never
# trip it on successful sign-ins (they do not count) -- a failed one would still show as an error.

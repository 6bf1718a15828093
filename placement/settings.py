"""AntarKerja settings: one module, every deployment-specific value read from the environment.

Development (`make run`): DEBUG=1, SQLite under var/, tasks run in-process.
Production: DEBUG=0 (the default) with SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL and
EMAIL_URL set; `manage.py check --deploy --fail-level WARNING` passes in that mode.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from placement.env import (
    env_bool,
    env_int,
    env_list,
    env_str,
    parse_database_url,
    parse_email_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("VAR_DIR") or BASE_DIR / "var")

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "template_partials",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "placement.accounts",
    "placement.taxonomy",
    "placement.offices",
    "placement.registers",
    "placement.migrants",
    "placement.ledger",
    "placement.notifications",
    "placement.privacy",
    "placement.matching",
    "placement.pipeline",
    "placement.reports",
    "placement.market",
    "placement.demo",
    "placement.ops",
    "officers",
    "jobseekers",
    "employers",
]

MIDDLEWARE = [
    # Outermost: the request id (logs, X-Request-ID) and the request metrics cover everything.
    "placement.ops.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "placement.accounts.middleware.AuditContextMiddleware",
    "placement.accounts.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "placement.accounts.middleware.IdleTimeoutMiddleware",
    "placement.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Control characters, over-long values, malformed months, dates and ids: 400 before any view.
    "placement.guard.InputGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "placement.accounts.middleware.NoStoreForSignedInMiddleware",
    "placement.accounts.middleware.PermissionsPolicyMiddleware",
    # Axes must come last: it inspects the response of the login views.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "placement.urls"
# Widgets render with the project's templates (the taxonomy picker lives in templates/components).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "placement.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "placement.context_processors.site",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'antarkerja.sqlite3'}"
DATABASES = {"default": parse_database_url(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # No PostgreSQL-only indexes on SQLite (placement/sqlite/base.py); expected, so not a warning.
    DATABASES["default"]["ENGINE"] = "placement.sqlite"
    SILENCED_SYSTEM_CHECKS = ["models.W043"]
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
IS_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
# A persistent connection is checked before each request reuses it: after a database restart or
# a terminated backend, the next request reconnects instead of failing (the request in flight at
# that moment gets the 503 page of placement.ops.views.server_error).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts, passwords, lockout ----------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "home"
PASSWORD_HASHERS = [
    # argon2id at OWASP's parameters (SECURITY.md; placement/accounts/hashers.py).
    # It also verifies (and upgrades) argon2 hashes made with Django's default parameters.
    "placement.accounts.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 8},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lock an account+address pair after repeated failures; same message for known and unknown users.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The sign-in form keeps Django's field name "username" (it holds the e-mail address).
AXES_USERNAME_FORM_FIELD = "username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_LOCKOUT_CALLABLE = "placement.accounts.middleware.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False

# Second factor (TOTP, django-otp) for officers, supervisors, administrators, privacy officers.
OTP_TOTP_ISSUER = "AntarKerja"
# An alert for the privacy officer when someone opens more case files than this in an hour.
PRIVACY_VOLUME_ALERT_PER_HOUR = env_int("PRIVACY_VOLUME_ALERT_PER_HOUR", 200)
# UU 27/2022 PDP: data-subject requests and breach notices are due 3x24 hours after receipt or
# discovery; the privacy officers are reminded when this many hours are left, and when overdue.
PRIVACY_RESPONSE_HOURS = env_int("PRIVACY_RESPONSE_HOURS", 72)
PRIVACY_REMINDER_HOURS = env_int("PRIVACY_REMINDER_HOURS", 24)
# Retention (placement/privacy/retention.py, nightly): years after a registration was removed
# (not reactivated) before its CV and documents are deleted and before the person is anonymised;
# years a read-audit entry ("viewed") is kept. The database refuses to delete read-audit entries
# younger than one year, whatever is set here.
PRIVACY_RETENTION = {
    "FILES_AFTER_REMOVAL_YEARS": env_int("PRIVACY_FILES_AFTER_REMOVAL_YEARS", 2),
    "ANONYMISE_AFTER_REMOVAL_YEARS": env_int("PRIVACY_ANONYMISE_AFTER_REMOVAL_YEARS", 5),
    "READ_AUDIT_YEARS": env_int("PRIVACY_READ_AUDIT_YEARS", 2),
}
MFA_REMEMBER_SECONDS = min(env_int("MFA_REMEMBER_SECONDS", 12 * 60 * 60), 12 * 60 * 60)

# --- Sessions and cookies ------------------------------------------------------------------------
SESSION_COOKIE_AGE = 8 * 60 * 60  # absolute timeout: one working day
SESSION_IDLE_TIMEOUT = env_int("SESSION_IDLE_TIMEOUT", 30 * 60)
# The idle clock is written to the session at most this often (not on every page: a write per
# request); a session then ends up to this much before SESSION_IDLE_TIMEOUT, never after.
SESSION_IDLE_RESOLUTION = env_int("SESSION_IDLE_RESOLUTION", 60)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Security headers ----------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page uses the camera, microphone, location, payment or other powerful browser features.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=()"
)
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Monitoring on the host itself talks plain HTTP to gunicorn.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- Internationalisation ------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Indonesian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- Static files --------------------------------------------------------------------------------
STATIC_URL = "/static/"
# The image of compose.yaml collects them outside its data volume, which an upgrade keeps.
STATIC_ROOT = Path(env_str("STATIC_ROOT") or VAR_DIR / "static")
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns on every start when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or VAR_DIR / "private")  # never served directly
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Production: hashed names (cached for a year by browsers) and gzip copies, both made by
    # `collectstatic`; development and tests read the source folders and need no collectstatic.
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- E-mail --------------------------------------------------------------------------------------
_email = parse_email_url(env_str("EMAIL_URL") or ("console://" if DEBUG else "dummy://"))
globals().update(_email)
# The address of the site in e-mails sent by tasks (no request to read it from).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "AntarKerja <noreply@antarkerja.example>")

# --- Cache ---------------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL") or None
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "antarkerja",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The officer dashboard's figures, counted once per office and shared for this long (officers/
# dashboard.py; a change to a counted record recounts them at once). Only with a cache all
# processes share: each process's own memory would keep figures another process has changed.
OFFICER_DASHBOARD_CACHE_SECONDS = env_int("OFFICER_DASHBOARD_CACHE_SECONDS", 60 if REDIS_URL else 0)

# --- Celery (reliability settings from SECURITY.md) ----------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
# Without Redis the tasks run in-process, so `make run` needs nothing but Python.
CELERY_TASK_ALWAYS_EAGER = REDIS_URL is None
# The queue tasks go to and the worker takes them from: two installations (or a benchmark beside
# a test) sharing one Redis database each name their own.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE") or "celery"
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 50 * 60
CELERY_TASK_TIME_LIMIT = 60 * 60
# Far above the longest task, so Redis does not redeliver a message that is still being worked on.
# A delayed message (countdown/ETA) waits unacknowledged in a worker, so a delay beyond this
# timeout would be delivered twice: placement.celery.GuardedTask refuses any delay above half of
# it (the longest delay used is a retry backoff, capped by Celery at 600 s).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 4 * 60 * 60)
}
CELERY_RESULT_EXPIRES = 7 * 24 * 60 * 60
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Workers log through LOGGING below (JSON lines with the task id), not Celery's own handler.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # The nightly match: 01:00 Asia/Jakarta.
    "nightly-matching": {
        "task": "placement.matching.tasks.nightly_matching",
        "schedule": crontab(hour=1, minute=0),
    },
    # Cards past their report date or validity are removed (dihapuskan) before the match reads them.
    "nightly-seeker-lifecycle": {
        "task": "jobseekers.tasks.expire_lapsed_seekers",
        "schedule": crontab(hour=0, minute=30),
    },
    "nightly-vacancy-expiry": {
        "task": "employers.tasks.expire_vacancies",
        "schedule": crontab(hour=0, minute=40),
    },
    # Imports whose message was lost (a broker restart): queued again (a duplicate is skipped).
    "resume-imports": {
        "task": "employers.tasks.resume_imports",
        "schedule": crontab(minute="*/10"),
    },
    # Re-queue matching units whose message or worker was lost (a Redis restart, a killed worker).
    "matching-reconciler": {
        "task": "placement.matching.tasks.reconcile_runs",
        "schedule": 5 * 60,
    },
    # Notices (placement/notifications): reminders and digests, each told once per occasion.
    "daily-report-reminders": {
        "task": "jobseekers.tasks.remind_report_due",
        "schedule": crontab(hour=7, minute=0),
    },
    "daily-outcome-reminders": {
        "task": "placement.pipeline.tasks.remind_outcome_due",
        "schedule": crontab(hour=7, minute=10),
    },
    "daily-officer-digest": {
        "task": "officers.tasks.daily_queue_digest",
        "schedule": crontab(hour=6, minute=30),
    },
    "weekly-recommendations": {
        "task": "placement.matching.tasks.weekly_recommendations",
        "schedule": crontab(day_of_week="mon", hour=8, minute=0),
    },
    # Proves beat, Redis and a worker are alive; /healthz and /metrics report its age.
    "worker-heartbeat": {
        "task": "placement.ops.tasks.heartbeat",
        "schedule": 60,
    },
    # Data protection: reminders of the 3x24-hour deadlines, and the retention job.
    "privacy-deadline-reminders": {
        "task": "placement.privacy.tasks.remind_deadlines",
        "schedule": crontab(minute=5),
    },
    "nightly-privacy-retention": {
        "task": "placement.privacy.tasks.apply_retention",
        "schedule": crontab(hour=3, minute=30),
    },
    # Employers behind on their duty to report vacancies and fills: reminded on the 2nd at 08:00.
    "monthly-reporting-duty-reminders": {
        "task": "placement.market.tasks.remind_employers_behind",
        "schedule": crontab(day_of_month=2, hour=8, minute=0),
    },
    # Last month's IPK tables for every office, on the 1st at 02:00.
    "monthly-ipk-reports": {
        "task": "placement.reports.tasks.build_monthly_reports",
        "schedule": crontab(day_of_month=1, hour=2, minute=0),
    },
}

# --- Imports (employers/imports.py) --------------------------------------------------------------
# A vacancy file in another shape from this size is imported in parts of a few thousand rows,
# run as separate tasks so the workers share it (employers/import_chunks.py).
IMPORT_SPLIT_BYTES = env_int("IMPORT_SPLIT_BYTES", 1_000_000)
IMPORT_CHUNK_MIN_ROWS = env_int("IMPORT_CHUNK_MIN_ROWS", 500)
IMPORT_CHUNK_MAX_ROWS = env_int("IMPORT_CHUNK_MAX_ROWS", 5000)

# --- Matching (placement/matching) ---------------------------------------------------------------
MATCHING = {
    # Score = 100 x the weighted sum of seven components, each in [0, 1]; the weights sum to 1.
    # A vacancy renormalises them over what it states (engine/scoring.profile_weights): with no
    # relevant credential its credentials weight goes to the first five, which gives exactly
    # 0.40 / 0.20 / 0.10 / 0.10 / 0.10 and the wage 0.10.
    # Set by judgement; `manage.py fit_matching_weights --adopt --by EMAIL` replaces them with
    # weights fitted to referral outcomes, only behind its guard (placement/matching/fitting.py).
    "WEIGHTS": {
        "skills": 0.36,  # share of the vacancy's required skills the seeker has (IDF-weighted)
        "occupation": 0.18,  # KBJI proximity of the seeker's wanted and past jobs to the vacancy
        "education": 0.09,  # the minimum is a hard filter; this tempers over-qualification
        "experience": 0.09,  # months of experience against the months asked
        "location": 0.09,  # same regency > same province > elsewhere
        "wage": 0.10,  # the seeker's expectation against the vacancy's maximum
        # Not required but relevant: a SIM for a driving job, a language the ad mentions, a
        # certificate or course in its occupation when it asks for one (credential_fit.py).
        "credentials": 0.09,
    },
    "TOP_K_VACANCY": 50,  # candidates kept per vacancy
    "TOP_K_SEEKER": 20,  # vacancies kept per seeker
    # Pairs scoring below this (percent) are not listed: an honest short list, not padding. Set
    # by judgement. `manage.py replay_matching` fits it from decided referrals (the highest score
    # that keeps 90 % of later hires listed) and says whether the fit may be adopted: on the demo
    # history (28 hires, 6 rejections, referred to arbitrary pairs) it fits 21 with AUC 0.37, so
    # the score does not rank those hires and 45 stays until a real history says otherwise.
    "MIN_SCORE": env_int("MATCHING_MIN_SCORE", 45),
    # Fair spread: one seeker enters at most this many vacancies' top lists (0: no cap). Measured
    # on 200k x 20k synthetic data: no cap gives coverage 0.61 (share of eligible seekers in at
    # least one list) and exposure Gini 0.82; cap 20 gives 0.71 and 0.67 with lists of 41 on
    # average (a capped seeker's slot goes to the next candidate in the CAP_DEPTH-deep list).
    "SEEKER_CAP": env_int("MATCHING_SEEKER_CAP", 20),
    # Candidates kept per vacancy before the cap re-ranks them (more: fuller lists, slower).
    "CAP_DEPTH": env_int("MATCHING_CAP_DEPTH", 100),
    # Work units per run: about four per worker process (PERFORMANCE.md).
    "TASKS": env_int("MATCHING_TASKS", 8),
    "MAX_UNIT_ATTEMPTS": 3,
    # A unit claimed longer ago than this without finishing is re-queued by the reconciler.
    "UNIT_STALE_SECONDS": env_int("MATCHING_UNIT_STALE_SECONDS", 20 * 60),
    # The match runs at this nice value (0-19; 0: unchanged): its worker processes raise their
    # own niceness when they take a matching task, and so does `manage.py run_matching`, so on a
    # machine it shares with the web server the pages get the CPU first (README "Production").
    "NICE": env_int("MATCHING_NICE", 10),
    # Fault-injection tests only: hold each unit this long, so a worker can be killed mid-unit.
    "UNIT_DELAY_MS": env_int("MATCHING_UNIT_DELAY_MS", 0),
    "SNAPSHOT_DIR": VAR_DIR / "matching",
}

# --- API -----------------------------------------------------------------------------------------
# API tokens end after 12 hours without use and 7 days after they were issued (SECURITY.md).
API_TOKEN_IDLE_SECONDS = env_int("API_TOKEN_IDLE_SECONDS", 12 * 60 * 60)
API_TOKEN_MAX_AGE_SECONDS = env_int("API_TOKEN_MAX_AGE_SECONDS", 7 * 24 * 60 * 60)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "placement.accounts.tokens.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "placement.api_errors.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "600/minute"),
        "taxonomy_text": "60/minute",
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "AntarKerja API",
    "DESCRIPTION": "Public employment placement service (layanan antar kerja).",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "placement.schema.declare_site_wide_responses",
    ],
    # Choice sets used under the same field name in several components need one stable name.
    "ENUM_NAME_OVERRIDES": {
        "JobSeekerStatusEnum": "jobseekers.models.JobSeeker.Status",
        "SexEnum": "placement.taxonomy.models.Sex",
        "ReferralSourceEnum": "placement.pipeline.models.Referral.Source",
        "PlacementSourceEnum": "placement.pipeline.models.Placement.Source",
        "RejectionReasonEnum": "placement.pipeline.models.Referral.RejectionReason",
        "CandidateRequestStatusEnum": "placement.pipeline.models.CandidateRequest.Status",
        "LicenceStatusEnum": "placement.registers.models.LicenceStatus",
        "EmployerKindEnum": "employers.models.Employer.Kind",
        "EmployerOwnershipEnum": "employers.models.Employer.Ownership",
        "SeekerRejectionReasonEnum": "jobseekers.models.JobSeeker.RejectionReason",
        "ImportKindEnum": "employers.models.ImportRun.Kind",
        "ImportStatusEnum": "employers.models.ImportRun.Status",
        "PrivacyRequestKindEnum": "placement.privacy.models.SubjectRequest.Kind",
        "PrivacyRequestStatusEnum": "placement.privacy.models.SubjectRequest.Status",
        "PrivacyRequestChannelEnum": "placement.privacy.models.SubjectRequest.Channel",
        "LicenceClassEnum": "placement.taxonomy.credentials.LicenceClass",
        "LanguageEnum": "placement.taxonomy.credentials.Language",
        "LanguageLevelEnum": "placement.taxonomy.credentials.LanguageLevel",
        "TrainingProviderEnum": "placement.taxonomy.credentials.TrainingProvider",
    },
}

# --- Logging: never personal data (NIK, passwords, tokens) in logs ----------------------------
# LOG_FORMAT=json (the default in production): one JSON object per line with the request id
# (or Celery task id), for journald/Loki/ELK. LOG_FORMAT=text: readable lines for development.
LOG_FORMAT = env_str("LOG_FORMAT") or ("text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or text; got {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "placement.ops.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "placement.ops.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Django logs every 4xx/5xx with the full path (query strings may hold search terms);
        # the access log and the metrics count them, the 500 traceback is logged below.
        "django.request": {"level": "ERROR"},
    },
}

# --- Operations (placement/ops) ------------------------------------------------------------------
# GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"; unset, /metrics answers 404.
METRICS_TOKEN = env_str("METRICS_TOKEN") or ""
OPS = {
    # /healthz says "degraded" when the worker's heartbeat (every minute) is older than this...
    "HEARTBEAT_STALE_SECONDS": env_int("OPS_HEARTBEAT_STALE_SECONDS", 180),
    # ...or when the last successful nightly run finished longer ago than this.
    "NIGHTLY_STALE_HOURS": env_int("OPS_NIGHTLY_STALE_HOURS", 36),
}

# --- Service rules (configurable where DOMAIN.md marks a rule [P] or [U]) ----------------------
ANTARKERJA = {
    # AK/I is valid two years and must be reported every six months (Permenaker 39/2016).
    "CARD_VALIDITY_MONTHS": 24,
    "REPORT_INTERVAL_MONTHS": 6,
    # AKL within one regency/city; AKAD across regencies/provinces; AKAN abroad (DOMAIN.md §1 [P]).
    "AKL_BOUNDARY": "regency",
}

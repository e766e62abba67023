"""Gonghui settings: everything comes from the environment (see .env.example).

Production is the default. `DEBUG=1` (used by `make demo`) allows the built-in development keys;
without it, SECRET_KEY and the personal-data keys must be set or start-up fails loudly.
"""

import base64
import hashlib
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")  # optional: a local .env beside pyproject.toml

DEBUG = env.bool("DEBUG", default=False)
DATA_DIR = Path(env.str("GONGHUI_DATA_DIR", default=str(BASE_DIR / "data")))
DATA_DIR.mkdir(parents=True, exist_ok=True)

_DEV_SECRET = "gonghui-development-only-not-secret"


def _required(name: str, dev_default: str) -> str:
    """A secret: the environment's value, or a development value when DEBUG is on."""
    value = env.str(name, default="")
    if value:
        return value
    if DEBUG:
        return dev_default
    raise ImproperlyConfigured(f"{name} must be set when DEBUG is off (see .env.example).")


def _dev_fernet_key(label: str) -> str:
    digest = hashlib.sha256(f"{_DEV_SECRET}:{label}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


SECRET_KEY = _required("SECRET_KEY", _DEV_SECRET + "-" + "x" * 40)
# Personal data (ID numbers, phones): Fernet keys, newest first; older keys still decrypt, so a key
# is rotated by putting a new one in front and running `gonghui rotate_pii_keys`.
PII_KEYS = [
    k.strip() for k in _required("GONGHUI_PII_KEYS", _dev_fernet_key("pii")).split(",") if k.strip()
]
# Keyed hash for look-ups (exact search, uniqueness). Changing it means re-hashing every row.
PII_HASH_KEY = _required("GONGHUI_PII_HASH_KEY", _DEV_SECRET + "-hash")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CSRF_FAILURE_VIEW = "gonghui.core.views.errors.csrf_failure"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "gonghui.core",
    "gonghui.registry",
    "gonghui.reports",
    "gonghui.portal",
    "gonghui.aid",
    "gonghui.rights",
    "gonghui.stations",
    "gonghui.workforce",
    "gonghui.cadres",
    "gonghui.returns",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "gonghui.core.middleware.PrivacyHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gonghui.core.middleware.LoginRequiredMiddleware",
    # After sign-in and sessions: search forms post here, whole ID numbers stay out of URLs.
    "gonghui.core.sealed_search.SealedSearchMiddleware",
    # Axes last: it answers a locked-out login itself.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gonghui.urls"
WSGI_APPLICATION = "gonghui.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gonghui.core.context_processors.scope",
            ],
        },
    },
]

# An empty DATABASE_URL (as CI systems often export) means the default, not an error.
DATABASE_URL = env.str("DATABASE_URL", default="") or f"sqlite:///{DATA_DIR / 'gonghui.sqlite3'}"
DATABASES = {"default": env.db_url_config(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the demo server and a management command share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
    )
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "figures": the computed figures and dashboards (gonghui.reports.cache), keyed by a version kept
# in the database, so never stale whichever backend holds them; the per-process default serves
# one server, a shared one (redis://…, dbcache://table) lets several share what one computed.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "figures": env.cache_url_config(
        env.str("GONGHUI_FIGURES_CACHE_URL", default="locmemcache://gonghui-figures")
    ),
}

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "gonghui.core.validators.CharacterClassPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Lock-out: five wrong passwords for one username lock it for 30 minutes.
AXES_FAILURE_LIMIT = env.int("GONGHUI_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("GONGHUI_LOGIN_COOLOFF_HOURS", default=0.5)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False

# Sessions end after an idle period (sliding) and when the browser closes.
SESSION_COOKIE_AGE = env.int("GONGHUI_SESSION_IDLE_SECONDS", default=2 * 60 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Private files (documents, stored imports and their error workbooks, generated reports):
    # never served by URL, only through a scoped view. By default on the local disk under
    # GONGHUI_PRIVATE_ROOT; GONGHUI_PRIVATE_STORAGE=s3 puts them in an S3-compatible bucket
    # (django-storages, see the README) so that several web servers and workers share them.
    "private": {"BACKEND": "gonghui.core.uploads.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = DATA_DIR / "media"
# Uploaded documents (hardship files, aid applications): outside the web root and never served
# by URL; only a scoped view reads them back, as attachments.
GONGHUI_PRIVATE_ROOT = Path(env.str("GONGHUI_PRIVATE_ROOT", default=str(DATA_DIR / "private")))
if env.str("GONGHUI_PRIVATE_STORAGE", default="") == "s3":
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("GONGHUI_S3_BUCKET"),
            "endpoint_url": env.str("GONGHUI_S3_ENDPOINT_URL", default="") or None,
            "access_key": env.str("GONGHUI_S3_ACCESS_KEY", default="") or None,
            "secret_key": env.str("GONGHUI_S3_SECRET_KEY", default="") or None,
            "region_name": env.str("GONGHUI_S3_REGION", default="") or None,
            "location": env.str("GONGHUI_S3_PREFIX", default="private"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
GONGHUI_UPLOAD_MAX_BYTES = env.int("GONGHUI_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
# Optional virus scan of uploads: a dotted path to a callable(bytes) that raises ValueError on a
# finding (e.g. a clamd client); empty means type and size checks only.
GONGHUI_UPLOAD_SCANNER = env.str("GONGHUI_UPLOAD_SCANNER", default="")
# Spreadsheet uploads (gonghui.core.sheets.readers) are checked before they are read: a county's
# file of 200,000 members (about 150 MB of sheet XML, compressed some 10 times) passes; a
# decompression bomb is refused at once.
GONGHUI_SHEET_LIMITS = {
    "uncompressed_mb": env.int("GONGHUI_SHEET_MAX_UNCOMPRESSED_MB", default=512),
    "ratio": env.int("GONGHUI_SHEET_MAX_RATIO", default=200),
    "file_mb": env.int("GONGHUI_SHEET_MAX_FILE_MB", default=100),
    "rows": env.int("GONGHUI_SHEET_MAX_ROWS", default=300_000),
    "columns": env.int("GONGHUI_SHEET_MAX_COLUMNS", default=200),
    "cell_chars": env.int("GONGHUI_SHEET_MAX_CELL_CHARS", default=2_000),
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous call gets 401 with a WWW-Authenticate header.
        "gonghui.core.api_auth.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "gonghui.core.api_strict.KnownQueryParameters",  # last: refuses what is not documented
    ],
    "DEFAULT_PAGINATION_CLASS": "gonghui.core.api_pagination.KeysetApiPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "gonghui.core.api_schema.GonghuiAutoSchema",
    # JSON only: DRF's browsable pages are an English developer tool; people read the API in
    # Chinese at /api/docs/ (the OpenAPI schema's descriptions).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
# API tokens expire (0 = never); `gonghui drf_create_token -r USER` issues a new one.
GONGHUI_API_TOKEN_DAYS = env.int("GONGHUI_API_TOKEN_DAYS", default=90)
SPECTACULAR_SETTINGS = {
    "TITLE": "Gonghui API",
    "DESCRIPTION": "工会工作平台 API. Every answer is scoped to the caller's organisations.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    # The docs page's assets come from the sidecar package, served locally (no CDN).
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choice sets whose field names (status, kind, channel) other models use too.
    "ENUM_NAME_OVERRIDES": {
        "CaseStatusEnum": "gonghui.rights.choices.CaseStatus",
        "HonourLevelEnum": "gonghui.workforce.choices.Level",
        "CaseKindEnum": "gonghui.rights.choices.CaseKind",
        "CaseChannelEnum": "gonghui.rights.choices.CaseChannel",
        "CaseOutcomeEnum": "gonghui.rights.cases.api.OUTCOME_CHOICES",
        "ContractKindEnum": "gonghui.rights.choices.ContractKind",
        "ContractScopeEnum": "gonghui.rights.choices.ContractScope",
        "RiskRatingEnum": "gonghui.rights.choices.Rating",
        "RiskLevelEnum": "gonghui.rights.choices.RiskLevel",
        "ServicePointKindEnum": "gonghui.rights.choices.PointKind",
        "DutySessionEnum": "gonghui.rights.choices.DutySession",
        "ReceptionKindEnum": "gonghui.rights.choices.ReceptionKind",
        "ReceptionOutcomeEnum": "gonghui.rights.choices.ReceptionOutcome",
        "OutreachKindEnum": "gonghui.rights.choices.OutreachKind",
        "PointsClaimStatusEnum": "gonghui.workforce.models.points.ClaimStatus",
        "RedemptionStatusEnum": "gonghui.workforce.models.points.RedemptionStatus",
        "ProposalStatusEnum": "gonghui.workforce.models.proposals.ProposalStatus",
    },
}

# Text messages (one-time codes, application notices): gonghui.core.sms. The console backend
# logs them; the HTTP backend posts to the provider's gateway.
GONGHUI_SMS_BACKEND = env.str(
    "GONGHUI_SMS_BACKEND", default="gonghui.core.sms.backends.ConsoleBackend"
)
GONGHUI_SMS_URL = env.str("GONGHUI_SMS_URL", default="")
GONGHUI_SMS_TOKEN = env.str("GONGHUI_SMS_TOKEN", default="")
GONGHUI_SMS_SIGN = env.str("GONGHUI_SMS_SIGN", default="【工会】")

# Worker portal (/m/): one-time codes expire, are rate-limited per number and per client address,
# and five wrong codes lock the number for a while.
GONGHUI_OTP_TTL_SECONDS = env.int("GONGHUI_OTP_TTL_SECONDS", default=5 * 60)
GONGHUI_OTP_RESEND_SECONDS = env.int("GONGHUI_OTP_RESEND_SECONDS", default=60)
GONGHUI_OTP_PER_NUMBER_PER_HOUR = env.int("GONGHUI_OTP_PER_NUMBER_PER_HOUR", default=5)
GONGHUI_OTP_PER_ADDRESS_PER_HOUR = env.int("GONGHUI_OTP_PER_ADDRESS_PER_HOUR", default=20)
GONGHUI_OTP_FAILURE_LIMIT = env.int("GONGHUI_OTP_FAILURE_LIMIT", default=5)
GONGHUI_OTP_LOCK_MINUTES = env.int("GONGHUI_OTP_LOCK_MINUTES", default=30)
# Behind a reverse proxy, the request header holding the client address (e.g. HTTP_X_REAL_IP);
# empty means REMOTE_ADDR. Only set it when the proxy overwrites the header.
GONGHUI_PORTAL_CLIENT_IP_HEADER = env.str("GONGHUI_PORTAL_CLIENT_IP_HEADER", default="")
# The member card's QR code is valid this long (the card page refreshes it).
GONGHUI_CARD_TOKEN_SECONDS = env.int("GONGHUI_CARD_TOKEN_SECONDS", default=10 * 60)
# Scheme and host printed in QR codes (join posters, member cards), e.g. https://gh.example.cn;
# empty means the host of the request that draws the code.
GONGHUI_PORTAL_BASE_URL = env.str("GONGHUI_PORTAL_BASE_URL", default="")

# Rights (维权): days each stage of a case may take before it is flagged overdue, e.g.
# "received=3,mediating=15" (gonghui/rights/cases/deadlines.py has the defaults), and hours a risk
# warning of a level (1 yellow, 2 orange, 3 red) may stay unhandled before it escalates upwards.
GONGHUI_CASE_DEADLINES = {
    stage: int(days) for stage, days in env.dict("GONGHUI_CASE_DEADLINES", default={}).items()
}
GONGHUI_WARNING_HANDLE_HOURS = {
    int(level): int(hours)
    for level, hours in env.dict("GONGHUI_WARNING_HANDLE_HOURS", default={}).items()
}

# Background work (gonghui.core.jobs) through Django's task framework (the django-tasks backport).
# GONGHUI_TASKS_BACKEND chooses the engine:
#   database  (default) jobs are rows in the database (django-tasks-db). The web process runs them
#             in a worker thread of its own unless GONGHUI_TASKS_EMBEDDED_WORKER=0; a deployment
#             runs `gonghui db_worker` on any number of machines (SELECT … FOR UPDATE SKIP LOCKED
#             on PostgreSQL), and a job queued before a restart is picked up after it.
#   rq        jobs go to Redis (GONGHUI_REDIS_URL) and `gonghui rqworker default` runs them;
#             needs `pip install 'gonghui[rq]'`.
#   immediate jobs run inline, in the request that queues them (no worker at all).
GONGHUI_TASKS_BACKEND = env.str("GONGHUI_TASKS_BACKEND", default="database")
_TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
if GONGHUI_TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured("GONGHUI_TASKS_BACKEND must be database, rq or immediate.")
TASKS = {
    "default": _TASK_BACKENDS[GONGHUI_TASKS_BACKEND],
    # Inline runs (GONGHUI_JOBS_EAGER=1, tests) go through the framework too.
    "immediate": _TASK_BACKENDS["immediate"],
}
if GONGHUI_TASKS_BACKEND == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {
        "default": {
            "URL": env.str("GONGHUI_REDIS_URL", default="redis://127.0.0.1:6379/0"),
            "DEFAULT_TIMEOUT": env.int("GONGHUI_RQ_TIMEOUT", default=3600),
        }
    }
# The web process's own worker thread (database backend only): what lets `make demo` run jobs on
# a bare machine. Turn it off where `gonghui db_worker` processes do the work.
GONGHUI_TASKS_EMBEDDED_WORKER = env.bool(
    "GONGHUI_TASKS_EMBEDDED_WORKER", default=GONGHUI_TASKS_BACKEND == "database"
)
# A job whose worker died (a restart, a killed process) is queued again until it has been started
# this many times, then failed.
GONGHUI_JOBS_MAX_ATTEMPTS = env.int("GONGHUI_JOBS_MAX_ATTEMPTS", default=2)
# Periodic work (gonghui.core.periodic): the embedded worker also queues what is due, unless a
# `gonghui run_periodic` scheduler (cron or systemd) does it.
GONGHUI_PERIODIC_EMBEDDED = env.bool(
    "GONGHUI_PERIODIC_EMBEDDED", default=GONGHUI_TASKS_EMBEDDED_WORKER
)
# How often each periodic job runs, in minutes, e.g. "import_files_purge=60,risk=30".
GONGHUI_PERIODIC_MINUTES = {
    name: int(minutes) for name, minutes in env.dict("GONGHUI_PERIODIC_MINUTES", default={}).items()
}
# Import files kept for the error workbook (encrypted) are purged this many hours after upload.
GONGHUI_IMPORT_FILE_RETENTION_HOURS = env.int("GONGHUI_IMPORT_FILE_RETENTION_HOURS", default=72)
# A list export of more rows than this runs as a background job (gonghui.core.exports); its file
# is kept (encrypted) for the owner this many hours.
GONGHUI_EXPORT_JOB_ROWS = env.int("GONGHUI_EXPORT_JOB_ROWS", default=20_000)
GONGHUI_EXPORT_FILE_RETENTION_HOURS = env.int("GONGHUI_EXPORT_FILE_RETENTION_HOURS", default=24)
# The county's own Word template of the annual report (docs/annual-report.md); empty: the default.
GONGHUI_ANNUAL_REPORT_TEMPLATE = env.str("GONGHUI_ANNUAL_REPORT_TEMPLATE", default="")

# Stations (驿站): minutes an incident may wait for a response before it rises to the safety
# officer, then to the county; hours a worker's feedback may wait for the keeper's answer; the
# longest gap between video checks in an unattended window.
GONGHUI_STATION_ESCALATE_MINUTES = {
    "safety": env.int("GONGHUI_STATION_SAFETY_MINUTES", default=15),
    "county": env.int("GONGHUI_STATION_COUNTY_MINUTES", default=45),
}
GONGHUI_STATION_FEEDBACK_HOURS = env.int("GONGHUI_STATION_FEEDBACK_HOURS", default=48)
GONGHUI_STATION_WATCH_MINUTES = env.int("GONGHUI_STATION_WATCH_MINUTES", default=120)

# Filters offer "all" rather than a row of dashes.
FILTERS_EMPTY_CHOICE_LABEL = _("全部")

# Security: strict by default; plain-HTTP development only with DEBUG.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Vendored assets and no inline script or style (gonghui.core.middleware.PrivacyHeadersMiddleware).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if env.bool("BEHIND_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# axes.W006: lock-out is by username on purpose. A town's clerks often share one NAT address, and
# locking the address would lock the whole office out after five typos.
# security.W021: HSTS preloading binds the whole domain for months; it is the domain owner's
# decision (SECURE_HSTS_PRELOAD=1), not a default.
SILENCED_SYSTEM_CHECKS = env.list("SILENCED_SYSTEM_CHECKS", default=["axes.W006", "security.W021"])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    # The console SMS backend's messages (one-time codes) are what a developer signs in with.
    "loggers": {
        "gonghui.sms": {"level": env.str("SMS_LOG_LEVEL", default="INFO" if DEBUG else "WARNING")}
    },
}

"""Settings for Scrutiny, read from the environment.

With nothing set, the app runs on a SQLite file in var/ and runs background tasks in-process,
so a newcomer can start it with one command. A real deployment sets DATABASE_URL,
CELERY_BROKER_URL, SECRET_KEY, DEBUG=false and ALLOWED_HOSTS (see README.md).
"""

import sys
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-when-debug-is-on"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Emailed links start with this. Unset with DEBUG on, they use the address of the request that
# caused the email, so a development server on any port sends links that work.
SITE_URL = env.str("SITE_URL", default="")

INSTALLED_APPS = [
    # Before the admin: it adds the Welsh fields of what the landlord writes (<app>/translation.py).
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "scrutiny",
    "accounts",
    "panels",
    "assessments",
    "comparisons",
    "reviews",
    "mysteryshop",
    "recommendations",
    "reports",
    "opendata",
]

MIDDLEWARE = [
    # First: health checks are answered before any other middleware does work (scrutiny/health.py).
    "scrutiny.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "scrutiny.middleware.BodySizeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "scrutiny.public_cache.PublicPagesMiddleware",
    "scrutiny.emails.RequestAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the address's: /cy/... is Welsh, an address with no prefix English.
    "django.middleware.locale.LocaleMiddleware",
    # A page asked for in the other language goes to the chosen one's address (scrutiny/languages.py).
    "scrutiny.languages.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "scrutiny.user_sessions.SessionUseMiddleware",
    "accounts.second_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "scrutiny.middleware.PrivatePagesMiddleware",
    "scrutiny.middleware.DelayedWorkMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "scrutiny.audit.AuditedDownloadsMiddleware",
]
ROOT_URLCONF = "scrutiny.urls"
WSGI_APPLICATION = "scrutiny.wsgi.application"

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
                "scrutiny.context_processors.site",
            ],
            "builtins": ["scrutiny.templatetags.everywhere"],
            # Django's i18n library with a cheaper {% translate %} (scrutiny/templatetags/quick_i18n.py),
            # and Django's static library giving each file's address once (quick_static.py).
            "libraries": {
                "i18n": "scrutiny.templatetags.quick_i18n",
                "static": "scrutiny.templatetags.quick_static",
            },
        },
    },
    # Plain-text emails: nothing is HTML there, so "O'Neill & Sons" must not become entities.
    # Used by name only (scrutiny/emails.py); pages always find the engine above first.
    {
        "NAME": "plain_text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "autoescape": False, "builtins": ["scrutiny.templatetags.everywhere"],
            "libraries": {"i18n": "scrutiny.templatetags.quick_i18n"},
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'scrutiny.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
# A database server's connection is kept for a minute between requests: opening one (a new
# server process, its first look at the tables) costs more than most pages' queries.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0 if _SQLITE else 60)
if sys.argv[1:2] == ["runserver"]:
    # The development server runs each request in a thread of its own, and a thread's kept
    # connection outlives the thread: one more connection per request, until the server is full.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
# A kept connection that died (database restarted) is replaced at the next request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if _SQLITE:
    # The no-setup default: readers never wait for writers (WAL); a transaction takes the write
    # lock when it starts (IMMEDIATE), so two people writing at once queue for up to
    # SQLITE_BUSY_TIMEOUT seconds instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env.int("SQLITE_BUSY_TIMEOUT", default=20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
elif "postgresql" in DATABASES["default"]["ENGINE"]:
    # A database host that does not answer at all (not refusing: gone from the network) is
    # given up on after this many seconds, so pages and /healthz/ready answer 503 rather than
    # hang for the operating system's two minutes. A connect_timeout in DATABASE_URL wins.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
REDIS_CACHES = ("django_redis.cache.RedisCache", "django.core.cache.backends.redis.RedisCache")
if CACHES["default"]["BACKEND"] in REDIS_CACHES:
    # Redis through django-redis, so that a Redis that is down or hangs is a cache miss, not an
    # error page: each call gives up after CACHE_REDIS_TIMEOUT seconds (then, for a few seconds,
    # at once: scrutiny/redis_cache.py), pages are made from the database instead (slower), and
    # what was ignored is logged.
    CACHES["default"]["BACKEND"] = "django_redis.cache.RedisCache"
    CACHE_REDIS_TIMEOUT = env.float("CACHE_REDIS_TIMEOUT", default=1.0)
    CACHES["default"]["OPTIONS"] = {
        **CACHES["default"].get("OPTIONS", {}),
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": CACHE_REDIS_TIMEOUT,
        "SOCKET_TIMEOUT": CACHE_REDIS_TIMEOUT,
        "CONNECTION_POOL_CLASS": "scrutiny.redis_cache.ConnectionPool",
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
# With a cache every process shares (Redis, memcached), signed-in people's sessions are read from
# it and written through to the database, so a page does not query for them. With each process's
# own memory as the cache they stay in the database alone: a sign-out in one process would not
# reach the copies the others keep. A session's copy in the cache lives at most
# SESSION_CACHE_SECONDS (scrutiny/sessions.py says why).
SHARED_CACHES = (
    "django_redis.",
    "django.core.cache.backends.redis.",
    "django.core.cache.backends.memcached.",
)
if CACHES["default"]["BACKEND"].startswith(SHARED_CACHES):
    SESSION_ENGINE = "scrutiny.sessions"
SESSION_CACHE_SECONDS = env.int("SESSION_CACHE_SECONDS", default=300)

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with the signed-in person kept in the cache (accounts/backends.py).
    "accounts.backends.KeptPersonBackend",
]
# Argon2id with OWASP's parameters first (accounts/hashers.py says why); PBKDF2, Django's default,
# after it, so passwords stored before still work and are stored afresh at the next sign-in.
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24 * 3
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=14)

# Sign-in throttling: five wrong passwords for one email from one address locks it for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "username"
# Failed passwords and codes are forgotten only once the whole sign-in, second factor included,
# has succeeded (accounts/second_factor/services.py), not when the password alone is right.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# A wrong second-factor code counts as a failed sign-in too; codes are never written down.
AXES_SENSITIVE_PARAMETERS = ["code"]

# The second factor (accounts/second_factor/): authenticator apps name the site by this.
OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="Scrutiny")

# Passkeys and security keys (WebAuthn, through django-otp-webauthn), a second factor after the
# password: never a way in alone, so sign-in throttling and the password flows stay as they are.
# A passkey belongs to one relying party, a domain: WEBAUTHN_RP_ID (default: SITE_URL's host) and
# the addresses the browser may use it from, WEBAUTHN_ORIGINS (default: SITE_URL's). Unset with
# no SITE_URL (development, tests), each request's own host is used, which ALLOWED_HOSTS limits.
# Changing the domain later makes every passkey stop working (people add new ones).
WEBAUTHN_RP_ID = env.str("WEBAUTHN_RP_ID", default="")
WEBAUTHN_ORIGINS = env.list("WEBAUTHN_ORIGINS", default=[])
OTP_WEBAUTHN_HELPER_CLASS = "accounts.passkeys.relying_party.PasskeyHelper"
OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party.rp_id"
OTP_WEBAUTHN_RP_NAME_CALLABLE = "accounts.passkeys.relying_party.rp_name"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# Seconds the browser waits for someone to use their passkey (WCAG 2.2.1: generous).
OTP_WEBAUTHN_TIMEOUT_SECONDS = env.int("WEBAUTHN_TIMEOUT", default=300)
# The library checks for a fixed list of origins; PasskeyHelper works them out as said above.
# Both template engines give the name "i18n" to scrutiny/templatetags/quick_i18n.py on purpose
# (Django's own i18n library with a cheaper {% translate %}); Django warns of any name given twice.
SILENCED_SYSTEM_CHECKS = ["otp_webauthn.E030", "templates.W003"]

SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=60 * 60 * 12)

LANGUAGE_CODE = "en-gb"
# Welsh and English. English pages have no prefix, Welsh ones start /cy/ (scrutiny/urls.py).
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
# The product's own catalogue (made by `manage.py makemessages`), then the Welsh of the libraries'
# strings that people see and that the libraries do not ship (kept by hand, never regenerated).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-libraries"]
# What the landlord writes for tenants has a Welsh version beside the English; an empty Welsh
# version falls back to the English (scrutiny/translated.py marks it so on the page).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en-gb"
MODELTRANSLATION_LANGUAGES = ("en-gb", "cy")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en-gb",)
# Text saved through the plain field (seeds, imports) is the English version.
MODELTRANSLATION_AUTO_POPULATE = "default"
TIME_ZONE = env.str("TIME_ZONE", default="Europe/London")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Uploaded files live outside the static root and are never served by URL directly:
# each app serves them through a view that checks who may see them.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/files/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=20 * 1024 * 1024)
# An Office file (a zip) may unpack to at most this much, judged from its directory on upload.
UPLOAD_UNPACKED_MAX_BYTES = env.int("UPLOAD_UNPACKED_MAX_BYTES", default=100 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# A mail server that accepts a connection and never answers must not hold a worker forever.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Scrutiny <scrutiny@localhost>")

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
# Without a broker, tasks run in-process at once so the app works with nothing else running.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = env.bool("CELERY_TASK_EAGER_PROPAGATES", default=False)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=600)
# The outbox (scrutiny/jobs.py), the one path for background work: a worker holds a job on a
# lease of JOB_LEASE seconds, renewed every JOB_HEARTBEAT seconds while it works. One beat job,
# every JOB_REQUEUE_EVERY seconds, hands a job over again when the broker refused it, its lease
# ran out (its worker died), or it was handed over JOB_REQUEUE_AFTER seconds ago and never
# taken; at most JOB_MAX_ATTEMPTS times. With these defaults work whose worker died is done
# again within about JOB_LEASE + JOB_REQUEUE_EVERY seconds (under 2 minutes), and work that
# waited for the broker follows within about JOB_REQUEUE_EVERY + 10 seconds of its return.
JOB_LEASE = env.int("JOB_LEASE", default=60)
JOB_HEARTBEAT = env.int("JOB_HEARTBEAT", default=15)
JOB_REQUEUE_AFTER = env.int("JOB_REQUEUE_AFTER", default=300)
JOB_REQUEUE_EVERY = env.int("JOB_REQUEUE_EVERY", default=15)
JOB_MAX_ATTEMPTS = env.int("JOB_MAX_ATTEMPTS", default=20)
JOB_REQUEUE_BATCH = 500
# A message not acknowledged this many seconds after delivery (its worker was killed: kill -9,
# out of memory, lost host) is handed out again by Redis: a little longer than a job's lease, so
# the job is free by then. A message handed out again while its job is still being worked on
# (the lease is renewed) finds the job held and does nothing (kombu's default is an hour).
CELERY_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=JOB_LEASE + 45)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
    # Look for such messages every 30 s or so (kombu's default is about every 100 s).
    "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=10),
    "unacked_restore_throttle": 3,
    "socket_connect_timeout": 5,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"socket_connect_timeout": 5}
# The queue web puts tasks on and workers take them from (both read this setting): sites sharing
# one Redis, and parallel test runs, each use their own so none takes another's work.
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_TASK_DEFAULT_QUEUE", default="celery")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Health: each worker, and beat, writes a heartbeat to the broker's Redis every
# HEALTH_HEARTBEAT_EVERY seconds (scrutiny/heartbeat.py); one silent for three of them is shown
# as silent. The readiness check (/healthz/ready) waits at most HEALTH_CHECK_TIMEOUT seconds
# for the broker.
HEALTH_HEARTBEAT_EVERY = env.float("HEALTH_HEARTBEAT_EVERY", default=15.0)
HEALTH_CHECK_TIMEOUT = env.float("HEALTH_CHECK_TIMEOUT", default=0.5)
CELERY_BEAT_SCHEDULER = "scrutiny.heartbeat:HeartbeatScheduler"
CELERY_BEAT_MAX_LOOP_INTERVAL = HEALTH_HEARTBEAT_EVERY
CELERY_BEAT_SCHEDULE: dict = {
    "requeue-waiting-jobs": {
        "task": "scrutiny.tasks.requeue_waiting_jobs",
        "schedule": float(JOB_REQUEUE_EVERY),
    },
    # Daily digests to action owners and managers, at most one per person per day. Each person's
    # email is an outbox job written with their day's row, so once a run has written it a broker,
    # worker or mail server failure only delays it. The run itself is tried every hour from 7:00
    # to 18:00 (later runs find the rows and write nothing), in case beat could not hand it over.
    "recommendation-reminders": {
        "task": "recommendations.tasks.send_reminders",
        "schedule": crontab(hour="7-18", minute=0),
    },
    # Drafts of findings and notes untouched for 90 days are deleted; safe to run twice.
    "reviews-delete-old-drafts": {
        "task": "reviews.tasks.delete_old_drafts",
        "schedule": crontab(hour=3, minute=15),
    },
}
# Expired sessions, and the list of where each person is signed in, are cleared daily.
CELERY_BEAT_SCHEDULE["sessions-clear-expired"] = {
    "task": "scrutiny.tasks.clear_expired_sessions",
    "schedule": crontab(hour=3, minute=30),
}
# Reports (the reports app): files are kept REPORT_RETENTION_DAYS after they are made (a daily
# beat job deletes older ones). Making a report is an outbox job like any other (above). Tracker
# exports of more than EXPORT_ROW_THRESHOLD rows are made by the worker instead of inside the
# web request.
REPORT_RETENTION_DAYS = env.int("REPORT_RETENTION_DAYS", default=30)
EXPORT_ROW_THRESHOLD = env.int("EXPORT_ROW_THRESHOLD", default=2000)
CELERY_BEAT_SCHEDULE["reports-delete-old-files"] = {
    "task": "reports.tasks.delete_old_files",
    "schedule": crontab(hour=3, minute=45),
}
# Reminders: actions due within this many days, and responses waiting longer than this.
ACTION_DUE_SOON_DAYS = env.int("ACTION_DUE_SOON_DAYS", default=7)
RESPONSE_OVERDUE_DAYS = env.int("RESPONSE_OVERDUE_DAYS", default=28)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
CRISPY_FAIL_SILENTLY = not DEBUG

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "style-src": [SELF, "'unsafe-inline'"],
        "script-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' HSTS preload list is hard to undo, so it is each landlord's
        # own choice (SECURE_HSTS_PRELOAD=true); without it `check --deploy` need not warn.
        SILENCED_SYSTEM_CHECKS += ["security.W021"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "filters": {"redis_cache_resting": {"()": "scrutiny.redis_cache.QuietWhileResting"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django_redis.cache": {"filters": ["redis_cache_resting"]},
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# How long a browser or proxy may keep a public page (a published Annual Report, "You said, we
# did") before asking again; asking again costs a cache read (scrutiny/public_cache.py).
PUBLIC_PAGE_SECONDS = env.int("PUBLIC_PAGE_SECONDS", default=60)
# How many bytes of public pages each process keeps its own copy of, so that serving one again
# reads only its version from the cache (scrutiny/page_copies.py); 0 keeps none.
PUBLIC_PAGE_MEMORY = env.int("PUBLIC_PAGE_MEMORY", default=8 * 1024 * 1024)

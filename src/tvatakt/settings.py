"""One settings module. Everything that differs between machines comes from the environment.

The embedded default (no environment at all) keeps its SQLite database and a generated secret
key in a data directory, so that a first run needs nothing installed or configured.
"""

import datetime
import json
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def default_data_dir() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    return (Path(xdg) if xdg else Path.home() / ".local" / "share") / "tvatakt"


DATA_DIR = Path(os.environ.get("TVATAKT_DATA_DIR") or default_data_dir()).expanduser()


def load_secret_key() -> str:
    key = os.environ.get("TVATAKT_SECRET_KEY")
    if key:
        return key
    # The embedded default generates its key once and keeps it, so sessions survive restarts.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = load_secret_key()
DEBUG = env_bool("TVATAKT_DEBUG")
ALLOWED_HOSTS = env_list("TVATAKT_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("TVATAKT_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First, so that its templates (registration/, 404.html) win over the admin's.
    "tvatakt.web",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "csp",
    # Log-in security: lock-out after failed log-ins, and two-factor codes for staff (core.signin).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "tvatakt.core",
    "tvatakt.core.signin",
    "tvatakt.organisation",
    "tvatakt.portfolio",
    "tvatakt.council",
    "tvatakt.recognition",
    "tvatakt.opendata",
    "tvatakt.inclusion",
    "tvatakt.innovation",
    "tvatakt.api",
    "tvatakt.demo",
]

MIDDLEWARE = [
    "tvatakt.core.requestlog.RequestIdMiddleware",
    "tvatakt.core.nul.RefuseNulMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    # Outside the cache middleware, so that answers it serves from the cache get the header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff who must use two-factor reach nothing but its pages until they have given a code.
    "tvatakt.core.signin.middleware.TwoFactorMiddleware",
    "tvatakt.core.ratelimit.ApiRateLimitMiddleware",
    "tvatakt.core.cache.PublicApiCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out log-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "tvatakt.urls"
WSGI_APPLICATION = "tvatakt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tvatakt.web.context_processors.site",
                "tvatakt.core.cache.form_token_slot",
            ],
        },
    },
]

# Database: DATABASE_URL wins; without it, SQLite in the data directory.
SQLITE_OPTIONS = {
    # WAL lets readers and one writer work at once; IMMEDIATE takes the write lock at BEGIN,
    # so two writers queue up instead of failing with "database is locked" mid-transaction.
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if os.environ.get("DATABASE_URL"):
    _db = dj_database_url.parse(os.environ["DATABASE_URL"])
    if _db["ENGINE"] == "django.db.backends.postgresql":
        _db.setdefault("OPTIONS", {})
        if env_bool("TVATAKT_DB_POOL", default=False):
            _db["OPTIONS"]["pool"] = True
        else:
            _db["CONN_MAX_AGE"] = int(os.environ.get("TVATAKT_DB_CONN_MAX_AGE", "60"))
            _db["CONN_HEALTH_CHECKS"] = True
    elif _db["ENGINE"] == "django.db.backends.sqlite3":
        _db["OPTIONS"] = {**SQLITE_OPTIONS, **_db.get("OPTIONS", {})}
else:
    _db = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(DATA_DIR / "tvatakt.sqlite3"),
        "OPTIONS": SQLITE_OPTIONS,
    }
DATABASES = {"default": _db}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisation.Person"
AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user name and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2 for new passwords; a PBKDF2 hash still works, and is rehashed with Argon2 at its owner's next log-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:account"
LOGOUT_REDIRECT_URL = "web:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
# Lock-out (django-axes, in the database so every worker and node shares it): after this many failed log-ins
# with one user name from one address, that pair is refused for the cool-off time, counted from the last failure.
# Another address, or another user name, is not affected. A password reset or an administrator unlocks early.
AXES_FAILURE_LIMIT = int(os.environ.get("TVATAKT_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("TVATAKT_LOGIN_COOLOFF_MINUTES", "60")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "tvatakt.core.signin.lockout.client_ip"
AXES_USERNAME_CALLABLE = "tvatakt.core.signin.lockout.username"
AXES_LOCKOUT_CALLABLE = "tvatakt.core.signin.lockout.lockout_response"
# Returns from the city's identity provider are not counted: they carry no user name (core.signin.oidc).
AXES_WHITELIST_CALLABLE = "tvatakt.core.signin.oidc.lockout_exempt"
AXES_RESET_ON_SUCCESS = True
# Knocking on a locked door does not push its opening further away: the page can say when it opens.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Keep failed attempts only (they expire with the cool-off), not a record of every successful log-in's address.
AXES_DISABLE_ACCESS_LOG = True
# Two-factor codes (TOTP, django-otp) for those who can change public records: staff, superusers, the IT director,
# the council's chair and secretary (core.signin.policy). Off only in the demo and the tests.
TVATAKT_REQUIRE_TWO_FACTOR = env_bool("TVATAKT_REQUIRE_TWO_FACTOR", default=True)
OTP_TOTP_ISSUER = os.environ.get("TVATAKT_TWO_FACTOR_ISSUER", "Tvåtakt")
# Log in with the city's identity provider (OpenID Connect, mozilla-django-oidc; core.signin.oidc). Off until the
# provider is named: then every one of these must be set (the JWKS address only for RS256), or the site will not
# start. No discovery: copy the addresses from the provider's /.well-known/openid-configuration. docs/operators.md.
_oidc = {
    name: os.environ.get(f"TVATAKT_OIDC_{name}", "").strip()
    for name in ("ISSUER", "CLIENT_ID", "CLIENT_SECRET", "AUTHORIZATION_ENDPOINT", "TOKEN_ENDPOINT", "USER_ENDPOINT")
}
OIDC_OP_JWKS_ENDPOINT = os.environ.get("TVATAKT_OIDC_JWKS_ENDPOINT", "").strip() or None
# RS256 (the provider's key, fetched from its JWKS address); HS256 (signed with the client secret) for tests.
OIDC_RP_SIGN_ALGO = os.environ.get("TVATAKT_OIDC_SIGN_ALGO", "RS256")
TVATAKT_OIDC_ENABLED = any(_oidc.values())
if TVATAKT_OIDC_ENABLED:
    _missing = [f"TVATAKT_OIDC_{name}" for name, value in _oidc.items() if not value]
    _missing += ["TVATAKT_OIDC_JWKS_ENDPOINT"] if OIDC_RP_SIGN_ALGO == "RS256" and not OIDC_OP_JWKS_ENDPOINT else []
    if _missing:
        raise ImproperlyConfigured(f"OpenID Connect log-in: set {', '.join(_missing)} too, or none of them.")
    if OIDC_RP_SIGN_ALGO not in {"RS256", "HS256"}:
        raise ImproperlyConfigured(f"TVATAKT_OIDC_SIGN_ALGO is RS256 or HS256, not {OIDC_RP_SIGN_ALGO!r}.")
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("tvatakt.core.signin.oidc.CityAccountBackend")
TVATAKT_OIDC_ISSUER = _oidc["ISSUER"].rstrip("/")
OIDC_RP_CLIENT_ID = _oidc["CLIENT_ID"]
OIDC_RP_CLIENT_SECRET = _oidc["CLIENT_SECRET"]
OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc["AUTHORIZATION_ENDPOINT"]
OIDC_OP_TOKEN_ENDPOINT = _oidc["TOKEN_ENDPOINT"]
OIDC_OP_USER_ENDPOINT = _oidc["USER_ENDPOINT"]
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10  # seconds: a provider that does not answer must not hold a worker
# A person nobody has linked yet: matched by a verified e-mail address; with no match, a citizen account is made
# only when this is on. Off: "ask an administrator".
TVATAKT_OIDC_CREATE_USERS = env_bool("TVATAKT_OIDC_CREATE_USERS")
# On only when the provider itself asks for a second factor at every log-in: then staff who log in there are not
# asked for this site's two-factor code too.
TVATAKT_OIDC_PROVIDES_MFA = env_bool("TVATAKT_OIDC_PROVIDES_MFA")

# Cache: shared by every worker. Redis when TVATAKT_REDIS_URL is set, otherwise files in the data directory.
if os.environ.get("TVATAKT_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["TVATAKT_REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        # The content versions (core.cache): a file each, counted up in place under a lock (core.versionfiles).
        # Django's file cache lists its whole directory on every write (among thousands of cached pages a
        # registration's bump took 2.4 ms), and two workers counting up at once could both write the same number.
        "versions": {
            "BACKEND": "tvatakt.core.versionfiles.VersionFileCache",
            "LOCATION": str(DATA_DIR / "cache-versions"),
        },
    }

# Language: Swedish first, English complete.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("TVATAKT_STATIC_ROOT") or DATA_DIR / "static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(os.environ.get("TVATAKT_MEDIA_ROOT") or DATA_DIR / "media")
MEDIA_URL = "/media/"
# The body that publishes the open-data catalogue to the national data portal (the municipality), and the
# largest file a data publisher may upload to it.
OPENDATA_PUBLISHER_NAME = os.environ.get("TVATAKT_OPENDATA_PUBLISHER", "Stockholms stad")
OPENDATA_PUBLISHER_ORG_NUMBER = os.environ.get("TVATAKT_OPENDATA_PUBLISHER_ORG_NUMBER", "212000-0142")
OPENDATA_UPLOAD_MAX_BYTES = int(os.environ.get("TVATAKT_OPENDATA_UPLOAD_MAX_MB", "100")) * 1024 * 1024
# Harvests of other catalogues: how long to wait for a source, how much to read, and whether a source may be in a
# private network (off: a publisher's address must not become a way into the city's internal services).
OPENDATA_HARVEST_TIMEOUT = float(os.environ.get("TVATAKT_OPENDATA_HARVEST_TIMEOUT", "30"))
OPENDATA_HARVEST_MAX_BYTES = int(os.environ.get("TVATAKT_OPENDATA_HARVEST_MAX_MB", "200")) * 1024 * 1024
OPENDATA_HARVEST_ALLOW_PRIVATE = env_bool("TVATAKT_OPENDATA_HARVEST_ALLOW_PRIVATE")
# Days after an event that its participants' personal data is kept; then it is erased, leaving the counts.
INCLUSION_RETENTION_DAYS = int(os.environ.get("TVATAKT_INCLUSION_RETENTION_DAYS", "90"))
# Days an idea may wait for its e-mail confirmation before it is erased (no one said it was theirs), and days after
# a hackathon ends that its teams' members' personal data is kept (the team's name and submission stay).
INNOVATION_UNCONFIRMED_DAYS = int(os.environ.get("TVATAKT_INNOVATION_UNCONFIRMED_DAYS", "30"))
INNOVATION_TEAM_RETENTION_DAYS = int(os.environ.get("TVATAKT_INNOVATION_TEAM_RETENTION_DAYS", "90"))
OPENDATA_IMPORT_MAX_BYTES = int(os.environ.get("TVATAKT_OPENDATA_IMPORT_MAX_MB", "10")) * 1024 * 1024

# E-mail: the console by default, SMTP when a host is set.
EMAIL_HOST = os.environ.get("TVATAKT_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("TVATAKT_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("TVATAKT_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TVATAKT_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TVATAKT_EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("TVATAKT_EMAIL_FROM", "Tvåtakt <noreply@tvatakt.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in e-mails from the worker, which has no request to take the address from. No trailing slash.
SITE_URL = os.environ.get("TVATAKT_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Where residents ask about their personal data (the data protection officer's address), shown on /integritet/.
PRIVACY_CONTACT = os.environ.get("TVATAKT_PRIVACY_CONTACT", "")

# Rate limits on public forms and the API (core.ratelimit): per client address, and per person or API key.
# "20/h" is 20 an hour. A library or a school sends many people through one address, so the limits per address
# are the looser. TVATAKT_RATE_LIMITS (JSON) changes some: {"idea": ["100/h", "10/h"]}; null turns one side off.
RATE_LIMITS = {
    "idea": ("30/h", "10/h"),
    "support": ("300/h", "100/h"),
    "comment": ("60/h", "20/h"),
    "report": ("30/h", "10/h"),
    "team": ("20/h", None),
    "registration": ("30/h", None),
    "feedback": ("30/h", None),
    "password-reset": ("10/h", None),
    "login": ("100/h", None),  # a brake on guessing from one address; a lockout per account is the other half
    "api-write": ("600/h", "1200/h"),
    # Reads: a harvester pages through the catalogue, an app polls; a loop that never stops is what this stops.
    "api-read": ("3600/h", "7200/h"),
}
RATE_LIMITS |= {name: tuple(rates) for name, rates in json.loads(os.environ.get("TVATAKT_RATE_LIMITS") or "{}").items()}
# The header a trusted proxy in front sets to the client's address (e.g. X-Forwarded-For); empty: the connection's.
_client_ip_header = os.environ.get("TVATAKT_CLIENT_IP_HEADER", "").strip()
RATELIMIT_CLIENT_IP_HEADER = "HTTP_" + _client_ip_header.upper().replace("-", "_") if _client_ip_header else ""
# How many proxies in front append to that header: the client's address is that many entries from the right.
RATELIMIT_TRUSTED_PROXIES = max(1, int(os.environ.get("TVATAKT_CLIENT_IP_PROXIES", "1")))

# Background tasks: the database backend, run by `tvatakt worker`. TVATAKT_TASKS_IMMEDIATE runs
# them inline instead (tests, and single-process set-ups that want no worker).
# What `tvatakt worker` starts besides running queued tasks: each a function that books recurring work.
WORKER_STARTUP = [
    "tvatakt.council.tasks.reminders_sweep_book",
    "tvatakt.opendata.tasks.harvest_sweep_book",
    "tvatakt.inclusion.tasks.sweep_book",
    "tvatakt.innovation.tasks.sweep_book",
    "tvatakt.core.signin.tasks.sweep_book",
]
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks.backends.immediate.ImmediateBackend"
            if env_bool("TVATAKT_TASKS_IMMEDIATE")
            else "tvatakt.core.taskqueue.DatabaseBackend"
        ),
        "QUEUES": ["default"],
    }
}

# HTTPS: on in production (TVATAKT_HTTPS=true). Off by default so the local demo works over http.
HTTPS = env_bool("TVATAKT_HTTPS")
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("TVATAKT_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("TVATAKT_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("TVATAKT_HSTS_PRELOAD", default=True)
_proxy_header = os.environ.get("TVATAKT_PROXY_SSL_HEADER")
if _proxy_header:
    # Only trust the header when the operator says a proxy sets it: otherwise anyone could claim https.
    SECURE_PROXY_SSL_HEADER = (_proxy_header, "https")
# Content Security Policy (django-csp): everything from this site only, and no script that is not a file of
# its own (no inline script, no eval), so text a user wrote can never run as script even if it escaped escaping.
# Styles may be inline: the SVG charts and a few attributes use them, and style cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Logs go to standard error, as JSON lines by default (one object a line, for a log collector) or as text for a
# person at a terminal (TVATAKT_LOG_FORMAT=text). Every line carries the id of the request it was logged in.
# TVATAKT_LOG_LEVEL=INFO adds one line a request (method, path without its query, status, time).
LOG_FORMAT = os.environ.get("TVATAKT_LOG_FORMAT", "json")
# Keep a proxy's X-Request-ID (so its logs and ours share ids) only when the operator says a proxy sets it.
REQUEST_ID_FROM_PROXY = env_bool("TVATAKT_REQUEST_ID_FROM_PROXY")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "tvatakt.core.requestlog.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "tvatakt.core.requestlog.JsonLines"},
        "text": {"format": "{asctime} {levelname} {name} [{request_id}] {message}", "style": "{"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "text" if LOG_FORMAT == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("TVATAKT_LOG_LEVEL", "WARNING")},
}

# Where people report accessibility problems (the accessibility statement's feedback function).
ACCESSIBILITY_EMAIL = os.environ.get("TVATAKT_ACCESSIBILITY_EMAIL", "tillganglighet@tvatakt.localhost")

# The API paginates with at most this many rows a page.
NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 200
NINJA_PAGINATION_CLASS = "tvatakt.api.pagination.BoundedPagination"

# History is the public record of who changed what. Reverting from the admin would restore whole old
# rows, decisions and all, behind the services' back.
SIMPLE_HISTORY_REVERT_DISABLED = True

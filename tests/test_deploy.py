import os
import subprocess
import sys

PRODUCTION = {
    "TVATAKT_DEBUG": "false",
    "TVATAKT_HTTPS": "true",
    "TVATAKT_SECRET_KEY": "a-long-production-secret-key-with-many-different-characters-0123456789-XYZ",
    "TVATAKT_ALLOWED_HOSTS": "tvatakt.example.org",
    "TVATAKT_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO",
}


def deploy_check(env_changes: dict[str, str]) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(env_changes, DJANGO_SETTINGS_MODULE="tvatakt.settings")
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deploy_check_without_warnings(tmp_path):
    result = deploy_check({**PRODUCTION, "TVATAKT_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_would_catch_a_missing_https_setting(tmp_path):
    result = deploy_check({**PRODUCTION, "TVATAKT_HTTPS": "false", "TVATAKT_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0

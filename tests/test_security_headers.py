"""Every answer carries the security headers: a Content Security Policy that lets no script run but the site's own
files, no framing, no type sniffing and no full referrer to other sites. The pages served from the shared cache
and the API's answers included, since they skip the views.

Removing the protection was tried: without csp.middleware.CSPMiddleware in MIDDLEWARE every case here failed
("no Content-Security-Policy"); with 'unsafe-inline' added to script-src the policy test failed.
"""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db
CACHED = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-headers"}}


def directives(response) -> dict[str, list[str]]:
    policy = response.headers.get("Content-Security-Policy")
    assert policy, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


@override_settings(CACHES=CACHED)
@pytest.mark.parametrize("url", ["/", "/en/organisationer/", "/dialog/", "/api/v1/organisations", "/finns-inte/",
                                 "/logga-in/", "/admin/login/", "/healthz"])  # fmt: skip
def test_every_answer_has_a_policy_that_runs_only_the_sites_own_scripts(client, url):
    for _visit in range(2):  # the second anonymous visit of a public page comes from the shared cache
        response = client.get(url)
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], policy  # no 'unsafe-inline', no 'unsafe-eval', no host
        assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"] and policy["base-uri"] == ["'self'"]
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["X-Frame-Options"] == "DENY"


def test_a_signed_in_page_has_the_policy_too(client_as):
    assert directives(client_as("it-direktor").get("/konto/"))["script-src"] == ["'self'"]

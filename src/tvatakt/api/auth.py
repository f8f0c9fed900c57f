"""Bearer-key authentication for the JSON API. Declare `auth=token_auth` on an endpoint to make it need a key.

The endpoint then runs as the key's person: `request.user` and `request.auth` are that person, so services
check permission exactly as they do for the web pages. `request.api_token` is the key used.
"""

from django.http import HttpRequest
from ninja.security import HttpBearer

from tvatakt.api import selectors, services


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tvt_…`. A missing, unknown, revoked or expired key, or an inactive person, is a 401."""

    def authenticate(self, request: HttpRequest, token: str):
        # Looked up by the key's hash: the database compares hashes, never the secret, so timing reveals nothing.
        api_token = selectors.live_token_for_key(token)
        if api_token is None:
            return None
        services.api_token_record_use(token=api_token)
        request.user = api_token.person
        request.api_token = api_token
        return api_token.person


token_auth = TokenAuth()

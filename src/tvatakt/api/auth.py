"""Bearer-key authentication for the JSON API. Declare `auth=token_auth` on an endpoint to make it need a key.

The endpoint then runs as the key's person: `request.user` and `request.auth` are that person, so services
check permission exactly as they do for the web pages. `request.api_token` is the key used.
"""

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from tvatakt.api import selectors, services
from tvatakt.api.models import WriteScope
from tvatakt.core.errors import NotAllowed

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


class TokenAuth(HttpBearer):
    """`Authorization: Bearer tvt_…`. A missing, unknown, revoked or expired key, or an inactive person, is a 401.

    With a `scope`, a write (any method but GET, HEAD, OPTIONS) also needs the key to carry that write scope, or
    it is a 403: a key made for a report script cannot change what its person could."""

    def __init__(self, scope: WriteScope | None = None):
        super().__init__()
        self.scope = scope

    def authenticate(self, request: HttpRequest, token: str):
        # Looked up by the key's hash: the database compares hashes, never the secret, so timing reveals nothing.
        api_token = selectors.live_token_for_key(token)
        if api_token is None:
            return None
        services.api_token_record_use(token=api_token)
        if self.scope and request.method not in SAFE_METHODS and not api_token.may_write(self.scope):
            raise NotAllowed(
                _("This key may only read here. To change %(part)s, make a key that may.") % {"part": self.scope.label}
            )
        request.user = api_token.person
        request.api_token = api_token
        return api_token.person


token_auth = TokenAuth()
# The keys each part's write endpoints take.
portfolio_key = TokenAuth(WriteScope.PORTFOLIO)
council_key = TokenAuth(WriteScope.COUNCIL)
innovation_key = TokenAuth(WriteScope.INNOVATION)

"""Who may make and revoke API keys: the one place that answers it."""

import rules


@rules.predicate
def owns_token(user, token) -> bool:
    return token is not None and token.person_id == user.pk


# A key acts as the person who made it, so only an active person may make one, and only for themselves.
rules.add_perm("api.add_apitoken", rules.is_authenticated & rules.is_active)
rules.add_perm("api.revoke_apitoken", rules.is_superuser | owns_token)

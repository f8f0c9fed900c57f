"""The API's readable docs page, rendered on the server from the OpenAPI document, and people's API key pages."""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from tvatakt.api import selectors, services
from tvatakt.api.api import api
from tvatakt.api.forms import ApiTokenForm
from tvatakt.api.models import ApiToken
from tvatakt.core.cache import public_page
from tvatakt.core.forms import call_service


def _operations(schema: dict) -> list[dict]:
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "needs_key": bool(operation.get("security")),
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": _type_name(parameter.get("schema", {})),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return operations


def _type_name(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_name(option) for option in schema["anyOf"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    return schema.get("type", "")


@functools.cache
def _schema() -> dict:
    # The schema depends only on the code, so each process builds it once.
    return api.get_openapi_schema(path_prefix="/api/v1")


@public_page
def api_docs(request):
    schema = _schema()
    return render(
        request,
        "api/docs.html",
        {"operations": _operations(schema), "base": request.build_absolute_uri("/api/v1/")},
    )


@login_required
@never_cache  # the page that shows a new key must not stay in any cache, the browser's included
def token_list(request):
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        expires_at = timezone.now() + datetime.timedelta(days=form.cleaned_data["valid_days"])
        created = call_service(
            form,
            services.api_token_create,
            actor=request.user,
            name=form.cleaned_data["name"],
            expires_at=expires_at,
            write_scopes=form.cleaned_data["write_scopes"],
        )
        if created:
            # Rendered, not redirected: the key must not pass through the session or a message cookie.
            token, key = created
            me_url = request.build_absolute_uri(reverse("api-1:me"))
            return render(request, "api/apitoken_created.html", {"token": token, "key": key, "me_url": me_url})
    return render(request, "api/apitoken_list.html", {"form": form, "tokens": selectors.tokens_for(request.user)})


@login_required
def token_revoke(request, pk):
    """GET asks for confirmation (revoking cannot be undone); POST revokes."""
    token = get_object_or_404(ApiToken, pk=pk)
    if not request.user.has_perm("api.revoke_apitoken", token):
        raise PermissionDenied
    if request.method != "POST":
        return render(request, "api/apitoken_revoke.html", {"token": token})
    services.api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The key %(name)s was revoked. It no longer works.") % {"name": token})
    return redirect("api:token_list")

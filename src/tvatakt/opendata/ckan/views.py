"""CKAN's Action API over HTTP, as CKAN's views/api.py answers: the envelope {help, success, result|error}, its
status codes, the bare JSON string of a bad request, request data from a form, the query string or a JSON body,
and JSONP. No CSRF check: clients post JSON from scripts, and every action only reads public data."""

import html
import json
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from tvatakt.core.cache import serve_cached
from tvatakt.opendata.ckan import params
from tvatakt.opendata.ckan.actions import ACTIONS

JSON = "application/json;charset=utf-8"
JAVASCRIPT = "application/javascript;charset=utf-8"
# CKAN's error types and messages: English in CKAN's API whatever the language, so not translated here either.
ERRORS = {
    params.NotFound: ("Not Found Error", "Not found"),
    params.NotAuthorized: ("Authorization Error", "Access denied"),
    params.SearchQueryError: ("Search Query Error", "Search Query is invalid"),
    params.SearchError: ("Search Error", "Search error"),
}
logger = logging.getLogger(__name__)


def help_url(name: str) -> str:
    """Always the absolute v3 address, as CKAN gives it whichever path was asked."""
    return f"{settings.SITE_URL}/api/3/action/help_show?{urlencode({'name': name})}"


def _mixed(query: QueryDict) -> dict[str, Any]:
    """A key once gives a string, a repeated key a list."""
    return {key: values[0] if len(values) == 1 else values for key, values in query.lists()}


def request_data(request: HttpRequest) -> dict[str, Any]:
    """CKAN's _get_request_data, in its order: form fields (or a JSON body posted as the one field of a form),
    else the query string (on a POST too: the body is then ignored), else a JSON body."""
    data: Any = {}
    if request.method == "POST" and request.POST:
        values = list(request.POST.values())
        if len(values) == 1 and values[0] in ("1", ""):
            data = _json(next(iter(request.POST)))
        else:
            data = _mixed(request.POST)
    elif request.GET:
        data = _mixed(request.GET)
    elif not request.content_type.startswith("multipart/") and request.body:
        data = _json(request.body)
    if not isinstance(data, dict):
        raise ValueError(f"Request data JSON decoded to {data!r} but it needs to be a dictionary.")
    return data


def _json(text: str | bytes) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ValueError(
            f"Error decoding JSON data. Error: {exc!r} JSON data extracted from the request: {{}}"
        ) from exc


def _bad_request(message: str) -> HttpResponse:
    """CKAN's 400 for an unknown action or unreadable data: a bare JSON string, no envelope."""
    return HttpResponse(json.dumps(f"Bad request - {message}"), status=400, content_type=JSON)


def _error(exc: params.ActionError) -> dict[str, Any]:
    if isinstance(exc, params.ValidationError):
        return {**exc.errors, "__type": "Validation Error"}
    kind, message = ERRORS[type(exc)]
    if isinstance(exc, (params.SearchQueryError, params.SearchError)):
        return {"__type": kind, "message": f"{message}: {exc.message!r}"}
    return {"__type": kind, "message": f"{message}: {exc.message}" if exc.message else message}


def _answer(request: HttpRequest, name: str, function: Callable[[dict[str, Any]], Any]) -> HttpResponse:
    envelope: dict[str, Any] = {"help": help_url(name)}
    try:
        data = request_data(request)
    except ValueError as exc:
        return _bad_request(f"JSON Error: {exc}")
    data.pop("callback", None)
    status = 200
    try:
        envelope |= {"success": True, "result": function(data)}
    except params.ActionError as exc:
        status = exc.status
        envelope |= {"success": False, "error": _error(exc)}
    except Exception:  # CKAN answers anything else with its envelope too, so that clients can read it
        logger.exception("CKAN action %s failed", name)
        status = 500
        envelope |= {"success": False, "error": {"__type": "Internal Server Error", "message": "Internal Server Error"}}
    body = json.dumps(envelope)
    callback = request.GET.get("callback")
    if status == 200 and request.method == "GET" and callback is not None:
        return HttpResponse(f"{html.escape(callback)}({body});", content_type=JAVASCRIPT)
    return HttpResponse(body, status=status, content_type=JSON)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def action(request: HttpRequest, name: str) -> HttpResponse:
    function = ACTIONS.get(name)
    if function is None:
        return _bad_request(f"Action name not known: {name}")
    if request.method == "POST" or request.body:  # the cache is keyed by the address, which a body is not part of
        return _answer(request, name, function)
    return serve_cached(request, lambda: _answer(request, name, function))


@require_safe
def api_version(request: HttpRequest, version: int) -> HttpResponse:
    return HttpResponse(json.dumps({"version": version}), content_type=JSON)

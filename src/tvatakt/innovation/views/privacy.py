"""An idea's own link (no account needed) also gives what is kept about the one who gave it, as a file."""

from django.http import JsonResponse
from django.shortcuts import render

from tvatakt.core.errors import DomainError
from tvatakt.core.tabular import attachment
from tvatakt.innovation import tokens
from tvatakt.innovation.subject import idea_export


def idea_my_data(request, token: str):
    try:
        idea = tokens.read(token)
    except DomainError as exc:
        return render(request, "innovation/bad_link.html", {"message": exc.messages[0]}, status=400)
    response = JsonResponse(
        idea_export(idea),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = attachment(f"ide-{idea.pk}.json")
    return response

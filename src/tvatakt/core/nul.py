"""A NUL character in a query is refused before any view sees it.

It never means anything in an address, and the databases refuse it (PostgreSQL raises on it, SQLite's full-text
search fails): the API fuzzing found a 500 for a search containing one. Forms already refuse it in their fields."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


class RefuseNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            message = _("The address holds a character that is not allowed (NUL).")
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": message}, status=422)
            return HttpResponseBadRequest(message)
        return self.get_response(request)

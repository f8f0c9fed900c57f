"""A signed-in person's own data: see it, download it, and have it erased (GDPR art. 15, 17 and 20). What each
part of the service holds is asked of the registry in core.subject; the erasure's rules are in the service."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tvatakt.core import subject
from tvatakt.core.forms import call_service
from tvatakt.core.ratelimit import limit
from tvatakt.core.tabular import attachment
from tvatakt.organisation import erasure
from tvatakt.web.forms_privacy import ErasureForm


@login_required
def my_data(request):
    return render(request, "web/my_data.html", {"areas": subject.export(request.user)})


@login_required
def my_data_json(request):
    response = JsonResponse(
        subject.as_json(request.user),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = attachment("mina-uppgifter.json")
    return response


@login_required
@limit("login")  # the password is asked for: the same brake on guessing as the log-in
def erase(request):
    form = ErasureForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        if call_service(form, erasure.erase_person, person=request.user, actor=request.user):
            logout(request)
            messages.success(request, _("Your account is erased. Thank you for the time you spent with us."))
            return redirect("web:home")
    return render(request, "web/erase_account.html", {"form": form}, status=422 if form.errors else 200)

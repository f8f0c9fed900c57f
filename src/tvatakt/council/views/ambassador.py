"""The ambassador's page: what their organisation must act on, and the form to report progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.forms import call_service
from tvatakt.council import selectors, services
from tvatakt.council.forms import AdoptionReportForm
from tvatakt.council.models import Adoption


@login_required
def my_adoptions(request):
    page = Paginator(selectors.adoptions_for_ambassador(request.user), 20).get_page(request.GET.get("page"))
    today = timezone.localdate()
    rows = [(a, AdoptionReportForm(adoption=a, initial={"date": today}, prefix=f"a{a.pk}")) for a in page]
    return render(request, "council/my_adoptions.html", {"rows": rows, "page": page, "today": today})


@login_required
@require_POST
def adoption_report(request, pk: int):
    adoption = get_object_or_404(Adoption.objects.select_related("decision", "organisation"), pk=pk)
    if not request.user.has_perm("council.report_adoption", adoption):
        raise PermissionDenied
    form = AdoptionReportForm(request.POST, adoption=adoption, prefix=f"a{pk}")
    if form.is_valid() and call_service(
        form, services.adoption_report, actor=request.user, adoption=adoption, **form.cleaned_data
    ):
        messages.success(
            request, _("Your report for %(organisation)s was saved.") % {"organisation": adoption.organisation}
        )
        return redirect("council:my_adoptions")
    context = {"adoption": adoption, "form": form}
    return render(request, "council/adoption_report.html", context, status=422)

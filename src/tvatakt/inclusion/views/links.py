"""The pages behind the signed links in the e-mails: a registration's own page (accept an offer, cancel), the
survey after the event, the person's data (download, erase), and a guardian's consent."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tvatakt.core.errors import DomainError
from tvatakt.core.forms import call_service
from tvatakt.core.ratelimit import limit
from tvatakt.core.tabular import attachment
from tvatakt.inclusion import privacy, qr, services, tokens
from tvatakt.inclusion.choices import Status, needs_guardian
from tvatakt.inclusion.forms import FeedbackForm

DOOR = (Status.CONFIRMED, Status.ATTENDED)  # those who get in at the door: the QR code is for them


def manage(request, token: str):
    try:
        registration = tokens.read(token, tokens.MANAGE)
    except DomainError as exc:
        return render(request, "inclusion/bad_link.html", {"message": exc.messages[0]}, status=400)
    context = {
        "registration": registration, "event": registration.event, "token": token,
        "participants": registration.participants.all(),
        "child": any(needs_guardian(person.age_group) for person in registration.participants.all()),
        "qr": qr.svg(registration) if registration.status in DOOR and not registration.event.has_ended else None,
    }  # fmt: skip
    return render(request, "inclusion/manage.html", context)


@require_POST
def manage_action(request, token: str, action: str):
    try:
        registration = tokens.read(token, tokens.MANAGE)
    except DomainError as exc:
        return render(request, "inclusion/bad_link.html", {"message": exc.messages[0]}, status=400)
    try:
        if action == "avboka":
            services.cancel(registration=registration, reason=_("Cancelled by the participant."))
            messages.success(request, _("Your registration is cancelled. Thank you for telling us."))
        elif action == "tacka-ja":
            services.accept_offer(registration=registration)
            messages.success(request, _("The seat is yours. Welcome!"))
        elif action in ("foton-ja", "foton-nej") and not registration.consent_version:  # a child's: the guardian's
            services.set_photos(registration=registration, allowed=action == "foton-ja")
            messages.success(request, _("Your answer about photos is recorded."))
        else:
            raise Http404
    except DomainError as exc:
        messages.error(request, exc.messages[0])
    return redirect(reverse("inclusion:manage", kwargs={"token": token}))


def consent(request, token: str):
    try:
        registration, fresh = tokens.read(token, tokens.CONSENT), True
    except DomainError as exc:
        try:  # an old link still says no, or takes a yes back: that may be done for as long as the data is kept
            registration, fresh = tokens.read(token, tokens.CONSENT, any_age=True), False
        except DomainError:
            return render(request, "inclusion/bad_link.html", {"message": exc.messages[0]}, status=400)
    if request.method == "POST":
        _answer(request, registration, request.POST.get("answer"), fresh)
        return redirect(reverse("inclusion:consent", kwargs={"token": token}))
    context = {"registration": registration, "event": registration.event, "fresh": fresh,
               "participants": registration.participants.all()}  # fmt: skip
    return render(request, "inclusion/consent.html", context)


def _answer(request, registration, answer: str | None, fresh: bool) -> None:
    """The guardian's yes (with or without photos), no, or change of mind about photos; each said in a message."""
    try:
        if answer == "no":
            done = services.withdraw_consent(registration=registration)
            if done.status == Status.CANCELLED:
                messages.success(request, _("Your answer is recorded. The registration is cancelled."))
            else:
                messages.success(request, _("Your answer is recorded. The child's name and your details are erased."))
        elif answer == "yes" and registration.status == Status.CANCELLED:
            messages.error(request, _("The registration is cancelled. To come after all, register again."))
        elif answer == "yes" and not fresh:
            messages.error(request, _("The link is too old to say yes with. Register again, and you get a new one."))
        elif answer == "yes":
            photos = request.POST.get("photos") == "on"
            if services.confirm_consent(registration=registration, photos=photos).consent_given_at:
                messages.success(request, _("Thank you. Your consent is recorded."))
        elif answer in ("photos-yes", "photos-no"):
            services.set_photos(registration=registration, allowed=answer == "photos-yes")
            messages.success(request, _("Your answer about photos is recorded."))
        else:
            messages.error(request, _("Choose yes or no."))
    except DomainError as exc:
        messages.error(request, exc.messages[0])


@limit("feedback")
def feedback(request, token: str):
    try:
        registration = tokens.read(token, tokens.MANAGE)
    except DomainError as exc:
        return render(request, "inclusion/bad_link.html", {"message": exc.messages[0]}, status=400)
    existing = getattr(registration, "feedback", None)
    initial = (
        {key: getattr(existing, key) for key in ("smiley", "sure_before", "sure_after", "learned", "comment")}
        if existing
        else None
    )
    form = FeedbackForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if call_service(form, services.give_feedback, registration=registration, **form.cleaned_data):
            messages.success(request, _("Thank you! Your answers help us plan the next events."))
            return redirect(reverse("inclusion:manage", kwargs={"token": token}))
    context = {"form": form, "event": registration.event}
    return render(request, "inclusion/feedback.html", context, status=422 if form.errors else 200)


def my_data(request, token: str):
    """Everything kept about the registration, as JSON to download."""
    try:
        registration = tokens.read(token, tokens.MANAGE)
    except DomainError as exc:
        return render(request, "inclusion/bad_link.html", {"message": exc.messages[0]}, status=400)
    response = JsonResponse(privacy.export(registration), json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = attachment(f"anmalan-{registration.code}.json")
    return response


def erase(request, token: str):
    """Ask for the registration's personal data to be erased now; a confirm page first, then the erasure."""
    try:
        registration = tokens.read(token, tokens.MANAGE)
    except DomainError as exc:
        return render(request, "inclusion/bad_link.html", {"message": exc.messages[0]}, status=400)
    if request.method == "POST":
        privacy.erase_now(registration)
        return render(request, "inclusion/erased.html", {"event": registration.event})
    return render(request, "inclusion/erase.html", {"registration": registration, "event": registration.event,
                                                    "token": token})  # fmt: skip

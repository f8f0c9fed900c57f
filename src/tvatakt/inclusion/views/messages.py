"""A host's messages to an event's participants: the form, with how many each choice reaches, those to call
because they have only a phone, and the messages already sent. Sending goes through the service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from tvatakt.core.forms import call_service
from tvatakt.inclusion import selectors, services
from tvatakt.inclusion.forms import HostMessageForm
from tvatakt.inclusion.views.host import hosted_event


@login_required
def event_messages(request, slug: str):
    event = hosted_event(request, slug)
    form = HostMessageForm(request.POST or None, counts=selectors.audience_counts(event))
    if request.method == "POST" and form.is_valid():
        sent = call_service(form, services.send_message, actor=request.user, event=event, **form.cleaned_data)
        if sent:
            messages.success(request, _done(sent))
            return redirect("inclusion:event_messages", slug=event.slug)
    context = {
        "event": event, "form": form, "to_call": selectors.to_call(event), "sent": selectors.sent_messages(event),
    }  # fmt: skip
    return render(request, "inclusion/messages.html", context, status=422 if form.errors else 200)


def _done(message) -> str:
    done = ngettext(
        "The message is on its way to %(count)s e-mail address.",
        "The message is on its way to %(count)s e-mail addresses.",
        message.recipients,
    ) % {"count": message.recipients}
    if message.unreachable:
        done += " " + ngettext(
            "%(count)s registration has only a phone number: call them (see below).",
            "%(count)s registrations have only a phone number: call them (see below).",
            message.unreachable,
        ) % {"count": message.unreachable}
    return done

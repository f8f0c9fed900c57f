"""Glue between forms and services: a rule broken in a service shows next to the field it concerns."""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

T = TypeVar("T")


def call_service(form: forms.BaseForm, service: Callable[..., T], **kwargs) -> T | None:
    """Run `service`; on a ValidationError, put its messages on `form` and return None."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        add_errors(form, exc)
        return None


def button_action(request, service: Callable[..., object], done: str, back, **kwargs):
    """A button (a form with nothing to fill in) that calls one service and goes back where it was pressed. A
    broken rule is said on that page, as an error message; nothing is saved."""
    try:
        service(actor=request.user, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(back)


def add_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        # A hidden field has no place to show a message, so its errors go to the top of the form.
        visible = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if visible else None, errors)


def _people():
    return get_user_model().objects.filter(is_active=True)


def render_form_page(
    request, form, *, title: str, cancel_url: str, intro: str = "", submit: str = "", status: int = 200
):
    """The one layout for a single form: web/form_page.html, with a title, an optional intro and a cancel link."""
    context = {
        "form": form,
        "title": title,
        "cancel_url": cancel_url,
        "intro": intro,
        "submit_label": submit or _("Save"),
    }
    return render(request, "web/form_page.html", context, status=status)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """The browser's own date-and-time picker; without it, the text 2027-03-31T14:00 works as well."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


def find_person(value: str):
    """The one active person with this user name or e-mail address. A city has thousands: no drop-down."""
    people = _people().filter(Q(username__iexact=value) | Q(email__iexact=value))
    found = list(people[:2])
    if len(found) != 1:
        raise forms.ValidationError(_("No single person has the user name or e-mail “%(value)s”.") % {"value": value})
    return found[0]


class PersonField(forms.CharField):
    """A person named by user name or e-mail address."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 254)
        kwargs.setdefault("help_text", _("User name or e-mail address."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return getattr(value, "username", value)

    def clean(self, value):
        if isinstance(value, get_user_model()):  # a disabled field keeps its initial value
            return value
        if isinstance(value, int):
            return get_user_model().objects.filter(pk=value).first()
        value = super().clean(value).strip()
        return find_person(value) if value else None


class PeopleField(forms.CharField):
    """Several people, by user name or e-mail address, separated by commas."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("User names or e-mail addresses, separated by commas."))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(getattr(person, "username", str(person)) for person in value)
        return value

    def clean(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        value = super().clean(value)
        names = [name.strip() for name in value.replace(";", ",").split(",") if name.strip()]
        return [find_person(name) for name in dict.fromkeys(names)]

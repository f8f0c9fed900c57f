"""Glue between forms and services: a rule broken in a service shows next to the field it concerns."""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import ValidationError

T = TypeVar("T")


def call_service(form: forms.BaseForm, service: Callable[..., T], **kwargs) -> T | None:
    """Run `service`; on a ValidationError, put its messages on `form` and return None."""
    try:
        return service(**kwargs)
    except ValidationError as exc:
        add_errors(form, exc)
        return None


def add_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for field, errors in exc.error_dict.items():
        # A hidden field has no place to show a message, so its errors go to the top of the form.
        visible = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if visible else None, errors)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

"""CKAN's errors and parameter validators, with its exact English messages: clients match on them, and CKAN
itself sends them untranslated to API clients, so they are deliberately not wrapped in gettext."""

import json
from typing import Any


class ActionError(Exception):
    """A refusal that the view turns into CKAN's error envelope."""

    status = 500

    def __init__(self, message: str = "") -> None:
        super().__init__(message)
        self.message = message


class NotFound(ActionError):
    status = 404


class NotAuthorized(ActionError):
    status = 403


class SearchQueryError(ActionError):
    status = 400


class SearchError(ActionError):
    status = 409


class ValidationError(ActionError):
    status = 409

    def __init__(self, errors: dict[str, Any] | str) -> None:
        super().__init__(str(errors))
        self.errors = errors if isinstance(errors, dict) else {"message": errors}


class Invalid(Exception):  # noqa: N818 - CKAN's name: one field's message, collected into a ValidationError
    pass


TRUE = {"true", "yes", "on", "y", "t", "1"}
FALSE = {"false", "no", "off", "n", "f", "0", ""}


def as_bool(value: Any, default: bool = False) -> bool:
    """CKAN's asbool. An empty string is false here (CKAN raises, a 500)."""
    if value is None:
        return default
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE:
            return True
        if word in FALSE:
            return False
        raise Invalid("Parameter is not an bool")
    return bool(value)


def integer(value: Any) -> int | None:
    """CKAN's int_validator: whole numbers, as numbers or base-10 text; None for blank."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)):
        whole, part = divmod(value, 1)
        if not part:
            return int(whole)
    elif isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            pass
    raise Invalid("Invalid integer")


def natural(value: Any) -> int | None:
    """CKAN's natural_number_validator. Blank is None here (CKAN fails on it with a 500)."""
    number = integer(value)
    if number is not None and number < 0:
        raise Invalid("Must be a natural number")
    return number


def json_list(value: Any) -> list[str]:
    """convert_to_json_if_string + list_of_strings, as for facet.field."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise Invalid("Could not parse as valid JSON") from None
    if not isinstance(value, list):
        raise Invalid("Not a list")
    for item in value:
        if not isinstance(item, str):
            raise Invalid(f"Not a string: {item}")
    return value


def text(value: Any) -> str:
    """CKAN's unicode_safe: lists and dicts as JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value)
    return str(value)


def validated(data: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """Each present key through its validator, all errors at once as CKAN reports them: {key: [message]}."""
    clean, errors = {}, {}
    for key, validator in schema.items():
        if key not in data or data[key] is None:
            continue
        try:
            clean[key] = validator(data[key])
        except Invalid as exc:
            errors[key] = [str(exc)]
    if errors:
        raise ValidationError(errors)
    return clean


def required(data: dict[str, Any], key: str) -> Any:
    """CKAN's get_or_bust: the value, or {key: ["Missing value"]}."""
    if data.get(key) is None:
        raise ValidationError({key: ["Missing value"]})
    return data[key]

"""The error answers every operation can give, written into the OpenAPI document.

Ninja documents the answers an endpoint declares; the refusals that come from shared code (a missing key, a broken
rule, a rate limit, an unknown object) were missing, so a client generated from the document had no type for them,
and the fuzzing run reported each as an undocumented status. They are added here by what an operation has, so an
endpoint added later is documented without a line of its own."""

from django.utils.translation import gettext_lazy as _

ERROR = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {
            "description": "What went wrong, in the reader's language: a text, or for a broken rule the messages "
            "by field (`__all__` for the whole), or the validator's list."
        }
    },
    "required": ["detail"],
}
WRITES = {"post", "put", "patch", "delete"}


def _answers(operation: dict, method: str, in_path: bool) -> dict[int, str]:
    answers = {}
    if operation.get("requestBody"):
        answers[400] = _("The body is not JSON the API can read.")
    if operation.get("parameters") or operation.get("requestBody"):
        answers[422] = _("A value is missing, of the wrong kind, or breaks one of the rules.")
    if operation.get("security"):
        answers[401] = _("No valid API key was sent.")
        answers[403] = _("The key's person may not do this.")
    if in_path:
        answers[404] = _("There is no such object.")
    if method in WRITES:
        answers[429] = _("Too many requests: wait the seconds the Retry-After header gives.")
    return answers


def with_error_answers(schema: dict) -> dict:
    schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    reference = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status, description in _answers(operation, method, "{" in path).items():
                if status not in responses and str(status) not in responses:  # ninja keys by int; JSON by text
                    responses[status] = {"description": str(description), **reference}
    return schema

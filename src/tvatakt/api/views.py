"""A readable, accessible page for the API, rendered on the server from the OpenAPI document."""

import functools

from django.shortcuts import render

from tvatakt.api.api import api
from tvatakt.core.cache import public_page


def _operations(schema: dict) -> list[dict]:
    operations = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": parameter["in"],
                            "required": parameter.get("required", False),
                            "type": _type_name(parameter.get("schema", {})),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                }
            )
    return operations


def _type_name(schema: dict) -> str:
    if "anyOf" in schema:
        return " | ".join(_type_name(option) for option in schema["anyOf"])
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join(str(value) for value in schema["enum"])
    return schema.get("type", "")


@functools.cache
def _schema() -> dict:
    # The schema depends only on the code, so each process builds it once.
    return api.get_openapi_schema(path_prefix="/api/v1")


@public_page
def api_docs(request):
    schema = _schema()
    return render(
        request,
        "api/docs.html",
        {"operations": _operations(schema), "base": request.build_absolute_uri("/api/v1/")},
    )

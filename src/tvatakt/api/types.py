"""Input types the API shares, stricter than pydantic's defaults where the default surprised clients."""

import datetime
import re
from typing import Annotated

from django.utils.translation import gettext as _
from ninja.parser import Parser
from pydantic import BeforeValidator, WithJsonSchema

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _written_as_a_date(value):
    """Pydantic reads a number as seconds since 1970, so `?quarter=0` meant 1 January 1970 without a word; the
    fuzzing run reported it. A date is written YYYY-MM-DD, nothing else."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError(_("Write the date as YYYY-MM-DD, e.g. 2027-03-31."))


IsoDate = Annotated[
    datetime.date, BeforeValidator(_written_as_a_date), WithJsonSchema({"type": "string", "format": "date"})
]


class ObjectBodies(Parser):
    """Every body this API takes is a JSON object. Ninja reads an input schema from attributes too, so a body of
    `"some text"` was read as an object whose `title` is the string's title() method: it renamed an initiative
    (found by fuzzing). Anything but an object is now refused as unreadable, a 400, before any schema sees it."""

    def parse_body(self, request):
        data = super().parse_body(request)
        if not isinstance(data, dict):
            raise ValueError("the body is not a JSON object")  # ninja answers a ValueError here with its 400
        return data

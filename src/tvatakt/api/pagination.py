"""The API's pages: ninja's limit and offset, with the offset bounded.

An offset past what any database column holds (2**63 and up) made SQLite raise OverflowError, a 500; the fuzzing
run found it. No list here comes near a billion rows, so a larger offset is a client's mistake: a 422 says so."""

from ninja import Field
from ninja.pagination import LimitOffsetPagination

MAX_OFFSET = 1_000_000_000


class BoundedPagination(LimitOffsetPagination):
    class Input(LimitOffsetPagination.Input):
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

"""The first rows of an uploaded CSV file, to show on the dataset's page as a table. Files elsewhere are not
fetched: the page makes no requests to other sites."""

import csv
import io
from dataclasses import dataclass

ROWS = 5
READ = 64 * 1024  # enough for the first rows of any sensible file, and a fixed cost whatever its size
MAX_COLUMNS = 12


@dataclass(frozen=True)
class Preview:
    header: list[str]
    rows: list[list[str]]
    more_columns: int


def csv_preview(distribution) -> Preview | None:
    if distribution.format != "CSV" or not distribution.file:
        return None
    try:
        with distribution.file.open("rb") as handle:
            head = handle.read(READ)
    except OSError:
        return None
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="replace")
    lines = text.splitlines()
    if len(head) == READ:
        lines = lines[:-1]  # the read may have cut the last line
    lines = lines[: ROWS + 1]
    if not lines:
        return None
    try:
        dialect = csv.Sniffer().sniff(lines[0], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO("\n".join(lines)), dialect))
    width = len(rows[0])
    return Preview(
        header=rows[0][:MAX_COLUMNS],
        rows=[(row + [""] * width)[:MAX_COLUMNS] for row in rows[1 : ROWS + 1]],
        more_columns=max(0, width - MAX_COLUMNS),
    )

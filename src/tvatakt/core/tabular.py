"""Tables out (CSV and XLSX downloads) and CSV files in (uploads for import).

Exports neutralise text that a spreadsheet would run as a formula (OWASP "CSV injection"): a
title such as ``=HYPERLINK("http://evil", "Klicka")`` typed into a public form must arrive in
Excel as text. Only text is touched. Numbers stay numbers, so -5 is still a number.

CSV is the machine-readable format: comma-separated, ISO dates, a dot for the decimal point,
UTF-8 with a byte order mark so that Excel reads å, ä and ö. XLSX is the one for people: real
numbers and dates, whatever the reader's locale.
"""

import csv
import dataclasses
import datetime
import io
import math
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from pathlib import PurePath
from urllib.parse import quote

from django.http import HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tvatakt.core.errors import DomainError

FORMATS = ("csv", "xlsx")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_CELL_MAX = 32_767  # Excel refuses, and offers to "repair", a workbook with a longer cell
CSV_BATCH = 500  # rows per streamed chunk: one chunk per row would be a write per row
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
UNSAFE_IN_FILENAME = re.compile(r'[\x00-\x1f\x7f/\\"]')


def tabular_response(*, filename: str, headers: Sequence[str], rows: Iterable[Sequence], fmt: str) -> HttpResponseBase:
    """A download of the rows as "csv" (streamed) or "xlsx". Any other ``fmt`` is a ValueError.

    ``rows`` is read lazily for CSV, so a queryset should come with ``.iterator()``.
    """
    if fmt not in FORMATS:
        raise ValueError(f"Unknown table format {fmt!r}; use one of {FORMATS}.")
    if not filename.lower().endswith(f".{fmt}"):
        filename = f"{filename}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(_csv_chunks(headers, rows), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(_xlsx_bytes(headers, rows, PurePath(filename).stem), content_type=XLSX_TYPE)
    response["Content-Disposition"] = attachment(filename)
    return response


def neutralise(text: str) -> str:
    """Text a spreadsheet would take for a formula, made plain text with a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_START) else text


def attachment(filename: str) -> str:
    """A Content-Disposition value that names the file, in ASCII and in UTF-8 (RFC 6266, RFC 8187)."""
    name = UNSAFE_IN_FILENAME.sub("_", filename)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    if not PurePath(ascii_name).stem.strip("._- "):
        ascii_name = "download" + PurePath(name).suffix
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name, safe='')}"


def _csv_chunks(headers: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([_csv_cell(header) for header in headers])
    for number, row in enumerate(rows, start=1):
        writer.writerow([_csv_cell(value) for value in row])
        if number % CSV_BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        when = timezone.localtime(value) if timezone.is_aware(value) else value
        return when.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")  # str() would write 1E+2
    if isinstance(value, bool | int | float):
        return str(value)
    return neutralise(str(value))


def _xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence], title: str) -> bytes:
    workbook = Workbook(write_only=True)
    # A sheet name has at most 31 characters and none of []:*?/\
    sheet = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", "", title)[:31] or "Data")
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, len(str(header)) + 2))
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = _xlsx_cell(sheet, header)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _xlsx_cell(sheet, value) -> WriteOnlyCell:
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.make_naive(value)  # Excel has no time zones; show the city's local time
    if isinstance(value, float) and not math.isfinite(value):
        value = None  # Excel cannot store NaN or infinity
    if value is None or isinstance(value, bool | int | float | Decimal | datetime.date | datetime.time):
        return WriteOnlyCell(sheet, value=value)
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", str(value))[:XLSX_CELL_MAX])
    # openpyxl takes any text that starts with "=" for a formula; this keeps it text.
    cell.data_type = "s"
    return cell


@dataclasses.dataclass(frozen=True)
class RowError:
    """One problem in an imported file, by line (0 for the file as a whole) and column."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        return _("Row %(row)s, column %(column)s: %(message)s") % dataclasses.asdict(self)


class ImportFailed(Exception):
    """The file was refused. Nothing was written."""

    def __init__(self, errors: list[RowError]):
        super().__init__("; ".join(str(error) for error in errors))
        self.errors = errors


class Record(dict):
    """A row of an uploaded CSV file by column name; ``line`` is its line number, as an editor counts."""

    line: int = 0


def read_csv_upload(file, *, max_bytes: int = 5_000_000, legacy: bool = True) -> tuple[list[str], list[Record]]:
    """The header and the rows of an uploaded CSV file (an UploadedFile, a binary file or bytes).

    Accepts UTF-8 with or without a byte order mark and, unless ``legacy`` is off, Windows-1252
    from older Excel versions. Values are stripped, and rows without any value are skipped; a
    value that an export neutralised ("'=…") is read back as it was. Raises a DomainError for a
    file that is empty, too large, not text, or not CSV.
    """
    text = decode_csv(_read_limited(file, max_bytes), legacy=legacy)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    records = []
    try:
        header = [(name or "").strip() for name in reader.fieldnames or []]
        repeated = sorted({name for name in header if name and header.count(name) > 1})
        if repeated:
            raise DomainError(
                _("The header row names a column more than once: %(columns)s.") % {"columns": ", ".join(repeated)},
                code="repeated_column",
            )
        reader.fieldnames = header
        for row in reader:
            record = Record((key, _restore((value or "").strip())) for key, value in row.items() if key)
            # line_num is read after the row is parsed, so it is that row's own (last) line.
            record.line = reader.line_num
            if any(record.values()):
                records.append(record)
    except csv.Error as exc:
        raise DomainError(
            _("Line %(line)s could not be read as CSV.") % {"line": reader.line_num}, code="not_csv"
        ) from exc
    return header, records


def _restore(value: str) -> str:
    return value[1:] if value[:1] == "'" and value[1:2] and value[1:2] in FORMULA_START else value


def decode_csv(data: bytes, *, legacy: bool = True) -> str:
    """The text of an uploaded CSV file; ``legacy`` also accepts Windows-1252 (Excel's older "CSV")."""
    if data.startswith(b"PK\x03\x04"):
        raise DomainError(
            _("This is an Excel workbook, not a CSV file. In Excel, choose Save as and CSV UTF-8."), code="not_text"
        )
    if legacy:
        not_text = DomainError(_("The file is not text. Save it as CSV UTF-8."), code="not_text")
    else:
        not_text = DomainError(_("The file is not UTF-8 text. Save it as CSV UTF-8."), code="not_text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not legacy:
            raise not_text from exc
        # Not latin-1: it decodes any bytes at all, and differs from cp1252 only in control
        # codes, so a file that cp1252 cannot read is not text.
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise not_text from None
    if CONTROL.search(text):
        raise not_text
    if not text.strip():
        raise DomainError(_("The file is empty."), code="empty")
    return text


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (Excel in a Swedish locale) or tab, whichever the header row has most of."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", first)
    return max((",", ";", "\t"), key=unquoted.count)


def _read_limited(file, max_bytes: int) -> bytes:
    too_large = DomainError(
        _("The file is larger than %(limit)s. Split it into smaller files.") % {"limit": filesizeformat(max_bytes)},
        code="too_large",
    )
    if isinstance(file, bytes | bytearray):
        data = bytes(file)
    else:
        if getattr(file, "size", None) is not None and file.size > max_bytes:
            raise too_large
        if hasattr(file, "seek"):
            file.seek(0)  # a form's validation may have read it already
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large
    return data

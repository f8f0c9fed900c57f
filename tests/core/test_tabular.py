import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tvatakt.core.errors import DomainError
from tvatakt.core.tabular import read_csv_upload, tabular_response

HEADERS = ["Titel", "Start", "Budget", "Andel"]
EVIL = ['=HYPERLINK("http://evil","x")', "+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def csv_text(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def workbook(response):
    return openpyxl.load_workbook(io.BytesIO(response.content)).active


def test_csv_starts_with_a_byte_order_mark_and_keeps_swedish_letters():
    response = tabular_response(
        filename="initiativ", headers=HEADERS, rows=[["Åtgärd för äldre", None, 1, 2]], fmt="csv"
    )
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    assert "Åtgärd för äldre" in body.decode("utf-8")
    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_csv_is_comma_separated_and_quotes_commas_quotes_and_line_breaks():
    rows = [['Säg "hej", sen', "två\nrader", 3, Decimal("1E+2")]]
    response = tabular_response(filename="x", headers=HEADERS, rows=rows, fmt="csv")
    parsed = list(csv.reader(io.StringIO(csv_text(response).lstrip("\ufeff"))))
    assert parsed == [HEADERS, ['Säg "hej", sen', "två\nrader", "3", "100"]]


def test_csv_writes_dates_as_iso_and_times_in_the_citys_zone():
    moment = datetime.datetime(2025, 1, 15, 9, 30, tzinfo=datetime.UTC)
    response = tabular_response(filename="x", headers=["a", "b"], rows=[[datetime.date(2025, 3, 1), moment]], fmt="csv")
    assert "2025-03-01,2025-01-15 10:30:00+01:00" in csv_text(response)


def test_csv_neutralises_text_that_a_spreadsheet_would_run_as_a_formula():
    response = tabular_response(filename="x", headers=["a"], rows=[[value] for value in EVIL], fmt="csv")
    cells = [row[0] for row in csv.reader(io.StringIO(csv_text(response).lstrip("\ufeff")))][1:]
    assert cells == ["'" + value for value in EVIL]


def test_csv_leaves_numbers_alone_even_when_negative():
    response = tabular_response(filename="x", headers=["a", "b"], rows=[[-5, -2.5]], fmt="csv")
    assert csv_text(response).splitlines()[1] == "-5,-2.5"


def test_csv_streams_large_lists_in_chunks():
    rows = ([f"rad {number}"] for number in range(2000))
    response = tabular_response(filename="x", headers=["a"], rows=rows, fmt="csv")
    assert response.streaming
    chunks = list(response.streaming_content)
    assert len(chunks) > 2
    assert b"".join(chunks).decode().count("\r\n") == 2001


def test_xlsx_has_a_bold_header_and_real_numbers_and_dates():
    when = datetime.datetime(2025, 6, 1, 12, 0, tzinfo=datetime.UTC)  # 14:00 in Stockholm
    rows = [["Skolplattform", datetime.date(2025, 1, 2), Decimal("1500000.50"), 0.25, when, -3]]
    response = tabular_response(filename="initiativ", headers=[*HEADERS, "Ändrad", "Slip"], rows=rows, fmt="xlsx")
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    sheet = workbook(response)
    header, row = list(sheet.iter_rows())
    assert [cell.value for cell in header] == [*HEADERS, "Ändrad", "Slip"]
    assert all(cell.font.b for cell in header)
    assert row[1].is_date and row[1].value.date() == datetime.date(2025, 1, 2)
    assert row[2].data_type == "n" and row[2].value == pytest.approx(1500000.5)
    assert row[4].is_date and (row[4].value.date(), row[4].value.time()) == (
        datetime.date(2025, 6, 1),
        datetime.time(14),
    )
    assert (row[5].data_type, row[5].value) == ("n", -3)


def test_xlsx_stores_formula_like_text_as_text():
    response = tabular_response(filename="x", headers=["=a"], rows=[[value] for value in EVIL], fmt="xlsx")
    cells = [row[0] for row in workbook(response).iter_rows()]
    # XML turns a lone CR into a line feed; that is the file format, not a formula.
    expected = [("s", "=a")] + [("s", value.replace("\r", "\n")) for value in EVIL]
    assert [(cell.data_type, cell.value) for cell in cells] == expected


def test_xlsx_drops_characters_excel_cannot_store():
    response = tabular_response(filename="x", headers=["a"], rows=[["bell\x07 end"]], fmt="xlsx")
    assert workbook(response)["A2"].value == "bell end"


def test_the_download_is_named_for_old_and_new_browsers():
    response = tabular_response(filename="initiativ-år.csv", headers=["a"], rows=[], fmt="csv")
    assert response["Content-Disposition"] == (
        "attachment; filename=\"initiativ-ar.csv\"; filename*=UTF-8''initiativ-%C3%A5r.csv"
    )


def test_a_filename_cannot_break_out_of_its_header():
    response = tabular_response(filename='a"b/../c\\d', headers=["a"], rows=[], fmt="xlsx")
    assert response["Content-Disposition"].startswith('attachment; filename="a_b_.._c_d.xlsx";')


def test_an_unknown_format_is_refused():
    with pytest.raises(ValueError, match="pdf"):
        tabular_response(filename="x", headers=["a"], rows=[], fmt="pdf")


def test_an_upload_reads_utf8_with_a_byte_order_mark():
    header, rows = read_csv_upload(b"\xef\xbb\xbfNamn,Ort\nAnna,G\xc3\xb6teborg\n")
    assert header == ["Namn", "Ort"]
    assert rows == [{"Namn": "Anna", "Ort": "Göteborg"}]


def test_an_upload_from_swedish_excel_is_semicolon_separated():
    header, rows = read_csv_upload(b"Namn;Belopp\nAnna;1,5\n")
    assert header == ["Namn", "Belopp"] and rows == [{"Namn": "Anna", "Belopp": "1,5"}]


def test_a_quoted_comma_in_the_header_does_not_fool_the_sniffing():
    header, _rows = read_csv_upload(b'"Namn, fullt";Ort\nA;B\n')
    assert header == ["Namn, fullt", "Ort"]


def test_an_old_excel_export_in_windows_1252_is_read():
    header, rows = read_csv_upload("Namn;Ort\nÅsa;Malmö – centrum\n".encode("cp1252"))
    assert rows == [{"Namn": "Åsa", "Ort": "Malmö – centrum"}]


def test_rows_know_their_line_and_empty_rows_are_skipped():
    _header, rows = read_csv_upload(b"a;b\n1;2\n;\n\n3;4\n")
    assert [(row.line, row["a"]) for row in rows] == [(2, "1"), (5, "3")]


def test_an_exported_file_reads_back_as_it_was():
    response = tabular_response(
        filename="x", headers=["a"], rows=[[value] for value in ["=1+1", "-x", "'kept"]], fmt="csv"
    )
    _header, rows = read_csv_upload(b"".join(response.streaming_content))
    assert [row["a"] for row in rows] == ["=1+1", "-x", "'kept"]


def test_an_uploaded_file_object_is_read_from_its_start():
    upload = SimpleUploadedFile("a.csv", b"a,b\n1,2\n")
    upload.read()
    assert read_csv_upload(upload)[1] == [{"a": "1", "b": "2"}]


@pytest.mark.parametrize(
    ("data", "code", "words"),
    [
        (b"", "empty", "empty"),
        (b"\xef\xbb\xbf \n\n", "empty", "empty"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not_text", "Excel workbook"),
        (b"\x00\x01\x02binary", "not_text", "not text"),
        (b"a,b\n\x81\x8d\x8f\n", "not_text", "not text"),
        (b"a,a,b\n1,2,3\n", "repeated_column", "more than once: a"),
    ],
)
def test_a_broken_upload_is_refused_with_a_reason(data, code, words):
    with pytest.raises(DomainError) as refusal:
        read_csv_upload(data)
    assert refusal.value.code == code
    assert words in refusal.value.messages[0]


def test_a_too_large_upload_is_refused_before_it_is_read():
    upload = SimpleUploadedFile("big.csv", b"a\n" + b"x\n" * 600)
    with pytest.raises(DomainError) as refusal:
        read_csv_upload(upload, max_bytes=1000)
    assert refusal.value.code == "too_large" and "1000" in refusal.value.messages[0]
    with pytest.raises(DomainError):
        read_csv_upload(io.BytesIO(b"a\n" + b"x\n" * 600), max_bytes=1000)


def test_without_legacy_encodings_only_utf8_is_read():
    with pytest.raises(DomainError) as refusal:
        read_csv_upload("a\nMalmö\n".encode("cp1252"), legacy=False)
    assert "UTF-8" in refusal.value.messages[0]


def test_refusals_are_translated():
    with translation.override("sv"), pytest.raises(DomainError) as refusal:
        read_csv_upload(b"")
    assert refusal.value.messages == ["Filen är tom."]

"""The data publisher's pages behind a log-in: their datasets, harvest sources and jobs (the demo's failed harvest
and its import), and a CSV import made in the browser, with its form's error state."""

from tests.e2e.conftest import log_in
from tests.e2e.crawler import audit, audit_shown, crawl, table

CSV = (
    "name,title,description,contact_name,contact_email,publish,distribution_url,distribution_format\n"
    "e2e-badvatten,Badvatten i Mälaren,Provtagning av badvatten varje vecka.,Miljöförvaltningen,"
    "miljo@example.se,ja,https://example.se/badvatten.csv,CSV\n"
)


def test_the_publishers_harvest_and_import_pages_pass(server, narrow_page, tmp_path):
    base = server.rstrip("/")
    log_in(narrow_page, server, "datapublicerare")
    results = [audit(narrow_page, base + "/oppna-data/mina/", "datapublicerare")]
    results += crawl(narrow_page, server, "datapublicerare", ["/oppna-data/mina/hamtning/"], bound=8, per_pattern=2)

    narrow_page.goto(base + "/oppna-data/mina/importera/")
    narrow_page.click("main button[type=submit]")  # no file: said next to the field, nothing queued
    assert narrow_page.locator("main .errorlist").count() >= 1
    results.append(audit_shown(narrow_page, "datapublicerare", status=422))

    upload = tmp_path / "badvatten.csv"
    upload.write_text(CSV, encoding="utf-8")
    narrow_page.set_input_files("#id_file", str(upload))
    narrow_page.locator("main button[type=submit]").focus()
    narrow_page.keyboard.press("Enter")
    narrow_page.wait_for_url("**/oppna-data/mina/jobb/*/")
    assert "✓" in narrow_page.locator("main").inner_text()  # the worker ran it at once: the job is done
    results.append(audit_shown(narrow_page, "datapublicerare"))
    results.append(audit(narrow_page, base + "/oppna-data/e2e-badvatten/", "datapublicerare"))

    narrow_page.goto(base + "/oppna-data/mina/hamtning/ny/")
    narrow_page.fill("#id_title", "Intern katalog")
    narrow_page.check("input[name=kind][value=dcat]")
    narrow_page.fill("#id_url", "http://10.0.0.5/katalog.rdf")
    narrow_page.click("main button[type=submit]")
    assert narrow_page.locator("main .errorlist").count() >= 1  # a private network: refused at its field
    results.append(audit_shown(narrow_page, "datapublicerare", status=422))

    print("\n" + table(results))
    assert len(results) >= 8
    assert [r for r in results if not r.ok] == []

import re
import xml.etree.ElementTree as ET

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tvatakt.core.charts import bar_chart

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def parse(chart) -> ET.Element:
    """The SVG as XML: it must be well-formed, which also proves every label was escaped."""
    return ET.fromstring(str(chart.svg))  # noqa: S314 (our own output, not untrusted input)


def texts(root: ET.Element) -> list[str]:
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def bar_widths(root: ET.Element) -> list[float]:
    return [float(rect.get("width").rstrip("%")) for rect in root.iter(f"{SVG}rect") if rect.get("width").endswith("%")]


def test_a_chart_is_an_image_named_by_its_title_and_has_no_script_or_outside_reference():
    chart = bar_chart(title="Kill rate", categories=["Q1", "Q2"], series=[("Stopped", [10, 20])], unit="%")
    root = parse(chart)
    assert root.get("role") == "img"
    title = root.find(f"{SVG}title")
    assert title.text == "Kill rate" and root.get("aria-labelledby") == title.get("id")
    svg = str(chart.svg)
    assert "<script" not in svg and "href" not in svg and "style" not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


def test_the_chart_scales_with_its_container_and_has_no_fixed_pixel_width():
    root = parse(bar_chart(title="t", categories=["a"], series=[("s", [1])]))
    assert root.get("width") == "100%"
    assert root.get("height").endswith("em")
    assert all(not rect.get("width", "").endswith("px") for rect in root.iter(f"{SVG}rect"))


def test_labels_with_markup_are_escaped_in_the_svg_and_the_table():
    evil = '<script>alert("x")</script> & co'
    chart = bar_chart(title=evil, categories=[evil], series=[(evil, [1]), ("b", [2])])
    assert "<script>" not in str(chart.svg)
    root = parse(chart)
    assert root.find(f"{SVG}title").text == evil
    assert evil[:20] in "".join(texts(root))
    html = render_to_string("web/partials/chart.html", {"chart": chart})
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co" in html


def test_every_value_is_printed_next_to_its_bar_with_its_unit():
    chart = bar_chart(title="t", categories=["Q1", "Q2"], series=[("Kill rate", [12.5, 30])], unit="%")
    assert {"12.5\u00a0%", "30\u00a0%"} <= set(texts(parse(chart)))
    assert [cell.value for row in chart.rows for cell in row.cells] == ["12.5\u00a0%", "30\u00a0%"]


def test_numbers_follow_the_language_of_the_request():
    with translation.override("sv"):
        chart = bar_chart(title="t", categories=["A"], series=[("Budget", [-1234.5])], unit="kr")
    assert chart.rows[0].cells[0].value == "-1\u00a0234,5\u00a0kr"


def test_a_negative_value_draws_its_bar_left_of_the_zero_line_and_its_label_before_it():
    chart = bar_chart(title="Slip", categories=["Late", "Early"], series=[("Days", [30, -14])], unit="days")
    root = parse(chart)
    zero = {float(line.get("x1").rstrip("%")) for line in root.iter(f"{SVG}line")}
    assert len(zero) == 1 and 0 < zero.pop() < 100
    late, early = [rect for rect in root.iter(f"{SVG}rect") if rect.get("width").endswith("%")]
    assert float(early.get("x").rstrip("%")) + float(early.get("width").rstrip("%")) == pytest.approx(
        float(late.get("x").rstrip("%")), abs=0.02
    )
    label = next(text for text in root.iter(f"{SVG}text") if text.text == "-14\u00a0days")
    assert label.get("text-anchor") == "end"


def test_bars_and_their_labels_stay_inside_the_chart():
    chart = bar_chart(title="t", categories=["a", "b", "c"], series=[("s", [-1_000_000, 5, 2_000_000])], unit="kr")
    for rect in parse(chart).iter(f"{SVG}rect"):
        x, width = float(rect.get("x").rstrip("%")), float(rect.get("width").rstrip("%"))
        assert 0 <= x and x + width <= 100
    # The longest bar leaves room for its label at the narrowest width: 256 px, about 9 px a glyph.
    assert max(bar_widths(parse(chart))) < 100 - 100 * len("2,000,000 kr") * 9 / 256


def test_a_missing_value_is_shown_as_a_dash_and_not_as_zero():
    chart = bar_chart(title="t", categories=["a", "b"], series=[("s", [None, 0])])
    assert {"–", "0"} <= set(texts(parse(chart)))
    assert [row.cells[0].value for row in chart.rows] == ["no value", "0"]


def test_several_series_get_a_legend_and_each_a_different_fill_pattern():
    series = [(name, [1, 2]) for name in ("Scaled", "Pivoted", "Stopped")]
    root = parse(bar_chart(title="Outcomes", categories=["Q1", "Q2"], series=series))
    assert {"Scaled", "Pivoted", "Stopped"} <= set(texts(root))
    patterns = [pattern.get("id") for pattern in root.iter(f"{SVG}pattern")]
    assert len(patterns) == 2 and len(set(patterns)) == 2
    fills = {rect.get("fill") for rect in root.iter(f"{SVG}rect") if rect.get("width") == "1.75em"}
    assert len(fills) == 3
    assert {f"url(#{pattern})" for pattern in patterns} < fills


def test_a_seventh_series_does_not_look_like_the_first():
    series = [(f"s{index}", [1]) for index in range(7)]
    root = parse(bar_chart(title="t", categories=["a"], series=series))
    swatches = [
        (rect.get("fill"), rect.get("stroke")) for rect in root.iter(f"{SVG}rect") if rect.get("width") == "1.75em"
    ]
    assert swatches[6] != swatches[0]


def test_two_charts_on_a_page_have_different_ids_for_their_titles_and_patterns():
    one = bar_chart(title="One", categories=["a"], series=[("x", [1]), ("y", [2])])
    two = bar_chart(title="Two", categories=["a"], series=[("x", [1]), ("y", [2])])
    ids = re.compile(r'id="([^"]+)"')
    assert not set(ids.findall(str(one.svg))) & set(ids.findall(str(two.svg)))


def test_a_stacked_chart_prints_each_stack_total_and_has_a_total_column():
    chart = bar_chart(
        title="Outcomes",
        categories=["Q1", "Q2"],
        series=[("Scaled", [3, 5]), ("Pivoted", [2, None]), ("Stopped", [1, 2])],
        stacked=True,
    )
    root = parse(chart)
    assert {"6", "7"} <= set(texts(root))
    assert chart.columns == ("Scaled", "Pivoted", "Stopped", "Total")
    assert [cell.value for cell in chart.rows[1].cells] == ["5", "no value", "2", "7"]
    # One bar row per quarter: the bars of a stack share their y.
    assert len({rect.get("y") for rect in root.iter(f"{SVG}rect") if rect.get("width").endswith("%")}) == 2


def test_a_stacked_chart_with_negative_values_stacks_them_left_of_zero():
    chart = bar_chart(title="t", categories=["a"], series=[("up", [4]), ("down", [-3])], stacked=True)
    labels = {text.text: text.get("text-anchor") for text in parse(chart).iter(f"{SVG}text")}
    assert labels["4"] == "start" and labels["-3"] == "end"


def test_a_value_format_replaces_the_default():
    chart = bar_chart(title="t", categories=["a"], series=[("s", [0.25])], value_format=lambda v: f"{v:.0%}")
    assert "25%" in texts(parse(chart))


def test_series_must_have_a_value_for_every_category():
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        bar_chart(title="t", categories=["a", "b", "c"], series=[("s", [1, 2])])


@pytest.mark.parametrize(
    ("categories", "series"),
    [([], []), ([], [("s", [])]), (["a", "b"], [("s", [None, None])]), (["a"], [("s", [float("nan")])])],
)
def test_a_chart_without_values_says_there_is_no_data_instead_of_drawing(categories, series):
    chart = bar_chart(title="Kill rate", categories=categories, series=series)
    assert chart.is_empty
    html = render_to_string("web/partials/chart.html", {"chart": chart})
    assert "No data yet." in html and "<svg" not in html and "<table" not in html
    assert "<figcaption" in html and "Kill rate" in html


def test_the_partial_shows_a_figure_with_caption_svg_and_a_table_with_headers():
    chart = bar_chart(title="Kill rate", categories=["Q1"], series=[("Stopped", [10])], category_label="Quarter")
    html = render_to_string("web/partials/chart.html", {"chart": chart})
    assert re.search(r"<figure[^>]*>\s*<figcaption[^>]*>Kill rate</figcaption>", html)
    assert "<caption>" in html and '<th scope="col">Quarter</th>' in html and '<th scope="row">Q1</th>' in html
    assert '<th scope="col">Stopped</th>' in html and '<td data-label="Stopped">10</td>' in html
    assert "<details" not in html


def test_the_partial_can_fold_the_table_away():
    chart = bar_chart(title="t", categories=["a"], series=[("s", [1])])
    html = render_to_string("web/partials/chart.html", {"chart": chart, "collapsed": True})
    assert re.search(r"<details[^>]*><summary>Show as table</summary>\s*<table", html)

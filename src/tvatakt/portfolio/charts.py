"""The dashboard's charts, built from its measures. Each is drawn as SVG on the server, with its table."""

from django.utils.translation import gettext as _

from tvatakt.core.charts import Chart, bar_chart
from tvatakt.portfolio.metrics import MarathonMeasures, SprintMeasures


def _percent(value: float | None) -> float | None:
    return None if value is None else round(100 * value)


def dashboard_charts(marathon: MarathonMeasures, sprint: SprintMeasures) -> dict[str, Chart]:
    quarters = sprint.recent_quarters
    labels = [q.label for q in quarters]
    years = list(marathon.slip_by_year)
    return {
        "slip": bar_chart(
            title=_("Marathon: average schedule slip by start year"),
            categories=[str(year) for year in years],
            series=[(_("Days later than the baseline"), [round(marathon.slip_by_year[y]) for y in years])],
            unit=_("days"),
            category_label=_("Start year"),
            html_id="chart-slip",
        ),
        "outcomes": bar_chart(
            title=_("Sprint: outcomes per quarter"),
            categories=labels,
            series=[
                (_("Scaled"), [q.scaled for q in quarters]),
                (_("Pivoted"), [q.pivoted for q in quarters]),
                (_("Stopped"), [q.stopped for q in quarters]),
            ],
            stacked=True,
            category_label=_("Quarter"),
            html_id="chart-outcomes",
        ),
        "kill_rate": bar_chart(
            title=_("Sprint: kill rate per quarter (stopped of decided)"),
            categories=labels,
            series=[(_("Kill rate"), [_percent(q.kill_rate) for q in quarters])],
            unit="%",
            category_label=_("Quarter"),
            html_id="chart-kill-rate",
        ),
    }

"""The reach dashboard: who the events reach, in charts drawn on the server, each with its table."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from tvatakt.core.cache import public_page
from tvatakt.core.charts import bar_chart
from tvatakt.inclusion.reach import reach


# Cached for anonymous visitors: the same figures for everyone, counted by quarter. Inclusion's writes do not bump
# the content version (core.apps watches other apps), so the page can be up to core.cache.PAGE_TIMEOUT (5 minutes)
# behind. At 300,000 registrations a render costs half a second to a second.
@public_page
def dashboard(request):
    figures = reach()
    charts = [
        bar_chart(
            title=_("Participants per quarter, by age group"), categories=figures.quarters,
            series=list(figures.by_age.items()), stacked=True, category_label=_("Quarter"), html_id="reach-ages",
        ),
        bar_chart(
            title=_("Participants by district, the last four quarters"),
            categories=[name for name, _count in figures.by_district],
            series=[(_("Participants"), [count for _name, count in figures.by_district])],
            category_label=_("District"), html_id="reach-districts",
        ),
        bar_chart(
            title=_("First-timers and no-shows per quarter"), categories=figures.quarters,
            series=[(_("First time"), figures.first_time), (_("Did not come"), figures.no_show)], unit=" %",
            category_label=_("Quarter"), html_id="reach-rates",
        ),
        bar_chart(
            title=_("How sure people feel using digital services, 1 to 5, before and after"),
            categories=[label for label, _before, _after in figures.sure],
            series=[(_("Before"), [before for _label, before, _after in figures.sure]),
                    (_("After"), [after for _label, _before, after in figures.sure])],
            category_label=_("Age group"), html_id="reach-sure",
        ),
    ]  # fmt: skip
    return render(request, "inclusion/reach.html", {"figures": figures, "charts": charts})

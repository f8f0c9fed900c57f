"""The two-tempo board and the portfolio dashboard."""

from django.shortcuts import render
from django.utils import timezone

from tvatakt.core.cache import public_page
from tvatakt.portfolio import charts, metrics, selectors
from tvatakt.portfolio.dates import quarter_label
from tvatakt.portfolio.views.common import read_filters


@public_page
def board(request):
    form, filters = read_filters(request)
    today = timezone.localdate()
    boards, sprint_total = selectors.sprint_board(user=request.user, filters=filters, today=today)
    context = {
        "form": form,
        "filters": filters,
        "timeline": selectors.marathon_timeline(user=request.user, filters=filters, today=today),
        "sprint_boards": boards,
        "sprint_total": sprint_total,
        "quarter": quarter_label(today),
        "today": today,
        "limit": selectors.BOARD_LIMIT,
    }
    return render(request, "portfolio/board.html", context)


@public_page
def dashboard(request):
    form, filters = read_filters(request)
    initiatives = selectors.initiative_list(user=request.user, filters=filters)
    marathon = metrics.marathon_measures(initiatives)
    sprint = metrics.sprint_measures(initiatives)
    context = {
        "form": form,
        "filters": filters,
        "marathon": marathon,
        "sprint": sprint,
        "charts": charts.dashboard_charts(marathon, sprint),
    }
    return render(request, "portfolio/dashboard.html", context)

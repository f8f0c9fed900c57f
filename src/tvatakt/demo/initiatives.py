"""How the demo portfolio is written down: each initiative as a plan that the loader replays.

The plans are in marathons.py and sprints.py. Titles, names and numbers are invented.

Dates are relative to the day the demo is loaded, so the portfolio always looks current:
- a marathon started `start` days ago and had its last gate decision `last` days ago;
- a sprint is timeboxed to the quarter `quarter` quarters from the current one (0 is this quarter,
  -1 the previous one) and runs from `days[0]` to `days[1]` days into it.
A step in `path` is "go", or (decision, reason), or (decision, reason, days the step took).
"""

from dataclasses import dataclass

GO = "go"


@dataclass(frozen=True)
class Gain:
    """A benefit of a marathon initiative, with follow-ups as (days after the start, value)."""

    name: str
    name_en: str
    measure: str
    baseline: float
    target: float
    due: int  # days after the start
    follow_ups: tuple[tuple[int, float], ...] = ()
    owner: str = "amb"


@dataclass(frozen=True)
class Plan:
    """One initiative and what happens to it. People are user names, or "amb" (the ambassador of the
    owning organisation), "amb:<organisation>" or "head" (the head of the initiative's unit)."""

    title: str
    title_en: str
    description: str
    description_en: str
    kind: str  # process type slug
    organisation: str
    start: int = 0
    last: int = 0
    length: int = 365
    quarter: int = 0
    days: tuple[int, int] = (0, 0)
    path: tuple = ()
    outcome: tuple[str, str] | None = None
    overrun: tuple[str, str] | None = None  # (stop | extend | convert, reason), decided on the day of loading
    hypothesis: str = ""
    unit: str = ""  # empty: the process type's unit
    clusters: tuple[str, ...] | None = None  # None: the clusters the organisation belongs to
    lead: str = "amb"
    team: tuple[str, ...] = ()
    decider: str = ""  # empty: the unit head, or the IT director when the unit head leads it
    status: str = "active"  # proposed, active or paused; done and stopped come from decisions
    health: str = "green"
    reason: str = ""
    checks: tuple[tuple[str, str], ...] = ()  # (health, text), oldest first; empty: routine check-ins
    check_count: int = 5
    quiet: int = 3  # days since the last check-in, while the initiative is open
    slip: int = 0  # days the planned end moved after work started
    budget: tuple[int, int] = (0, 0)  # planned, spent (SEK)
    confidential: bool = False
    benefits: tuple[Gain, ...] = ()


GO_NOTES = [
    "Beslut i enhetens ledningsgrupp.",
    "Underlaget är granskat och godkänt.",
    "Inga invändningar från förvaltningen.",
    "Styrgruppen står bakom förslaget.",
    "Avstämt med verksamheten och med ekonomi.",
]

ROUTINE_CHECKS = {
    "sprint": [
        "Vi har intervjuat sex användare. De känner igen problemet.",
        "Prototypen är klar. Vi har bokat tider för test med användare.",
        "Första testet gick bra: tre av fyra klarade uppgiften utan hjälp.",
        "Vi samlar in data för mätningen. Inget hindrar oss just nu.",
        "Teamet följer planen. Nästa vecka visar vi resultatet på demomötet.",
        "Mätningen är klar. Vi skriver ihop vad vi har lärt oss.",
        "Vi har fått tillgång till testmiljön och kommit i gång med bygget.",
    ],
    "marathon": [
        "Arbetet följer planen. Inga nya risker.",
        "Styrgruppen har träffats. Tidplan och budget håller.",
        "Leverantören levererade enligt avtalet den här månaden.",
        "Månadens uppföljning är klar. Kostnaderna ligger i linje med budgeten.",
        "Referensgruppen har granskat underlaget och har inga större synpunkter.",
        "Avstämning med förvaltningen: arbetet går enligt plan.",
    ],
}

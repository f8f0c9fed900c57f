"""The demo's two finished hackathons: "Hacka skolvägen" in the spring, whose winner the city now tries as a sprint
initiative, and "Digital vardag för alla åldrar" last autumn, where the city has not decided yet; and "Hacka
klimatet", three weeks ahead, open for teams to register. Teams register,
hand in, get scored (one juror steps aside for a conflict of interest) and are ranked through the services, each
step at the time it would have happened."""

import datetime

from django.utils import timezone

from tvatakt.innovation import services
from tvatakt.innovation.models import Challenge, Criterion, Hackathon, Juror, Question
from tvatakt.opendata.models import Dataset
from tvatakt.organisation.models import Organisation, Person, Unit
from tvatakt.portfolio.models import ProcessType

RUNS = "it-direktor"
JURY = ["jurymedlem", "radsledamot", "enhetschef"]
RUBRIC = [("Nytta för stockholmarna", "Benefit for Stockholmers", 40), ("Användning av öppna data", "Use of open data",
          30), ("Genomförbarhet", "Feasibility", 30)]  # fmt: skip

# (slug, title, English title, description, English description, days ago it started, challenges, teams, fate)
# challenges: (slug, title, English title, problem, owner, dataset names)
# teams: (name, challenge slug, [(member, kind, affiliation, under 18)], submission title, text, hypothesis,
#         datasets, the jury's scores per juror: three criteria each, None for a conflict of interest)
SKOLVAGEN = (
    "hacka-skolvagen",
    "Hacka skolvägen",
    "Hack the way to school",
    "Två dagar i Stadshuset för alla som vill göra vägen till skolan tryggare, med stadens öppna data om trafik, "
    "skolor och luft.",
    "Two days at City Hall for everyone who wants to make the way to school safer, with the city's open data on "
    "traffic, schools and air.",
    200,
    [
        (
            "trygg-skolvag",
            "Trygg skolväg",
            "A safe way to school",
            "Hur kan barn och föräldrar välja den tryggaste vägen till skolan, och hur ser staden var den behöver bli "
            "tryggare?",
            "Trafikkontoret",
            ["trafikfloden-2025", "cykelfloden-2025", "grundskolor"],
        ),
        (
            "ren-luft-vid-skolan",
            "Ren luft vid skolan",
            "Clean air at school",
            "Hur kan skolor och förskolor veta när luften utanför är dålig, och vad kan de göra då?",
            "Miljöförvaltningen",
            ["luftkvalitet-timvarden", "luftkvalitet-matstationer", "grundskolor"],
        ),
    ],
    [
        (
            "Skolvägen AB",
            "trygg-skolvag",
            [("Li Wei", "startup", "Skolvägen AB", False), ("Jonas Ek", "startup", "Skolvägen AB", False)],
            "Trygga stråket",
            "En karta som visar den tryggaste gångvägen till varje grundskola, byggd på trafikflöden och "
            "olyckor. Föräldrar väljer skola och ser vägen; staden ser var många barn korsar stora gator.",
            "Om föräldrar i två stadsdelar får se de tryggaste stråken går fler barn själva till skolan inom "
            "ett kvartal.",
            ["trafikfloden-2025", "grundskolor"],
            {"jurymedlem": (5, 5, 4), "radsledamot": (4, 4, 4), "enhetschef": None},
        ),
        (
            "KTH Luftlabbet",
            "ren-luft-vid-skolan",
            [("Amina Yusuf", "academia", "KTH", False), ("Oskar Berg", "student", "KTH", False)],
            "Luftvakten",
            "En skylt och en sms-tjänst som varnar förskolor när luften utanför är dålig, med råd om när "
            "barnen hellre leker inne.",
            "",
            ["luftkvalitet-timvarden"],
            {"jurymedlem": (4, 5, 3), "radsledamot": (4, 3, 3), "enhetschef": (5, 4, 4)},
        ),
        (
            "Klass 8B Hässelby",
            "trygg-skolvag",
            [
                ("Alva", "student", "Hässelby skola", True),
                ("Noah", "student", "Hässelby skola", True),
                ("Maria Lund", "citizen", "", False),
            ],
            "Gå-bussen",
            "En app där barn i samma kvarter går till skolan tillsammans, med en vuxen som turas om. 🚸",
            "Fler barn går till skolan om de har sällskap.",
            ["grundskolor"],
            {"jurymedlem": (4, 3, 4), "radsledamot": (5, 3, 5), "enhetschef": (4, 3, 4)},
        ),
        (
            "Datadrivna föräldrar",
            "ren-luft-vid-skolan",
            [("Petra Holm", "citizen", "", False)],
            "Luftkartan",
            "En karta över luften vid varje förskola, timme för timme.",
            "",
            ["luftkvalitet-matstationer"],
            {"jurymedlem": (3, 4, 3), "radsledamot": (3, 4, 2), "enhetschef": (3, 3, 3)},
        ),
    ],
    "initiative",
)
VARDAGEN = (
    "digital-vardag-alla-aldrar",
    "Digital vardag för alla åldrar",
    "Digital everyday life for all ages",
    "En kväll och en dag på Kulturhuset om e-tjänster som fungerar för alla, från 7 till 85 år.",
    "An evening and a day at Kulturhuset on e-services that work for everyone, aged 7 to 85.",
    400,
    [
        (
            "ring-en-manniska",
            "Ring en människa",
            "Call a person",
            "Hur hittar den som inte är digital rätt person att prata med, och hur ser staden vilka ärenden "
            "som krånglar?",
            "Äldreförvaltningen",
            ["befolkningsprognos"],
        )
    ],
    [
        (
            "Seniornätet",
            "ring-en-manniska",
            [("Greta Ahl", "citizen", "SPF Farsta", False), ("Sven Ahl", "citizen", "SPF Farsta", False)],
            "Ring-knappen",
            "En knapp på varje e-tjänst som ringer upp dig inom en timme, och en lista till staden över "
            "vilka tjänster som oftast får samtal.",
            "Färre ärenden avbryts om den som fastnar blir uppringd.",
            ["befolkningsprognos"],
            {"jurymedlem": (5, 3, 5), "radsledamot": (5, 3, 4), "enhetschef": (4, 3, 5)},
        ),
        (
            "Tvåspråkiga teamet",
            "ring-en-manniska",
            [("Samir Haddad", "startup", "Språkbro AB", False)],
            "Språkbron",
            "Tolk på telefon direkt från e-tjänsten, på tolv språk.",
            "",
            [],
            {"jurymedlem": (4, 2, 3), "radsledamot": (4, 2, 4), "enhetschef": (3, 2, 3)},
        ),
        (
            "Södertörns studenter",
            "ring-en-manniska",
            [("Ida Karlsson", "student", "Södertörns högskola", False)],
            "Krångelkartan",
            "En karta över vilka e-tjänster som ger flest samtal till kontaktcenter, från öppna data.",
            "",
            ["befolkningsprognos"],
            {"jurymedlem": (3, 4, 3), "radsledamot": (3, 5, 3), "enhetschef": (3, 4, 3)},
        ),
    ],
    "undecided",
)
MOTIVATIONS = {
    1: "Juryn valde lösningen för att den går att pröva direkt, bygger på stadens egna data och gör nytta för "
       "många barn och föräldrar.",
    2: "En genomtänkt idé som tar stadens data till dem som behöver dem, med en tydlig plan för hur den kan prövas.",
    3: "Modigt och roligt, med användarna själva i laget. Juryn vill se idén prövas i fler stadsdelar.",
}  # fmt: skip


def load_demo_hackathons() -> int:
    """Make what is missing (each hackathon once). Returns how many hackathons there are."""
    director = Person.objects.filter(username=RUNS).first()
    organiser = Organisation.objects.filter(name="Stadsledningskontoret").first()
    if director is None or organiser is None:
        return Hackathon.objects.count()
    for row in (SKOLVAGEN, VARDAGEN):
        if not Hackathon.objects.filter(slug=row[0]).exists():
            _hackathon(row, organiser, director)
    if not Hackathon.objects.filter(slug="hacka-klimatet").exists():
        _coming(organiser, director)
    return Hackathon.objects.count()


def _coming(organiser: Organisation, director: Person) -> None:
    """A hackathon three weeks ahead, open for registration, with two teams in already."""
    starts = (timezone.now() + datetime.timedelta(days=21)).replace(hour=9, minute=0, second=0, microsecond=0)
    day = datetime.timedelta(days=1)
    hackathon = Hackathon.objects.create(
        slug="hacka-klimatet", title="Hacka klimatet", title_en="Hack the climate",
        description="En helg i Kista om hur stadens öppna data kan hjälpa stockholmarna att minska sina utsläpp. "
                    "Alla från 13 år är välkomna; under 18 behövs en vårdnadshavares ja.",
        description_en="A weekend in Kista on how the city's open data can help Stockholmers cut their emissions. "
                       "Everyone from 13 is welcome; under 18, a guardian must say yes.",
        organisation=organiser, place="Kista Science Tower", online=False, starts_at=starts, ends_at=starts + 2 * day,
        registration_opens=starts - 31 * day, registration_closes=starts, submission_opens=starts,
        submission_closes=starts + 2 * day - datetime.timedelta(hours=3), judging_closes=starts + 9 * day,
        created_by=director, rules="Allt ni visar ska bygga på öppna data. Lagen äger sin kod.",
        prizes="Vinnaren prövar sin lösning med staden i ett snabbprojekt under ett kvartal.",
    )  # fmt: skip
    for order, (name, name_en, weight) in enumerate(RUBRIC, start=1):
        Criterion.objects.create(hackathon=hackathon, name=name, name_en=name_en, weight=weight, order=order)
    Question.objects.create(hackathon=hackathon, text="Vill ni ha vegetarisk mat?", text_en="Vegetarian food?")
    challenge = Challenge.objects.create(
        hackathon=hackathon, slug="luft-och-trafik", title="Luft och trafik", title_en="Air and traffic",
        description="Hur kan stockholmare se hur deras resor påverkar luften, och välja annorlunda?",
        description_en="How can Stockholmers see how their journeys affect the air, and choose differently?",
        organisation=Organisation.objects.filter(name="Miljöförvaltningen").first() or organiser,
    )  # fmt: skip
    challenge.datasets.set(Dataset.objects.public().filter(name__in=["luftkvalitet-timvarden", "trafikfloden-2025",
                                                                     "cykelfloden-2025"]))  # fmt: skip
    for number, (name, who) in enumerate((("Kista Klimatkodare", "Ebba Sjö"), ("Gröna Pendlare", "Hugo Nord"))):
        services.register_team(
            hackathon=hackathon, challenge=challenge, name=name, contact_name=who,
            contact_email=f"lag-hacka-klimatet-{number}@demo.example.org",
            members=[services.Member(name=who, kind="student", affiliation="KTH")],
        )  # fmt: skip
    for username in JURY:
        Juror.objects.create(hackathon=hackathon, person=Person.objects.get(username=username))


def _hackathon(row, organiser: Organisation, director: Person) -> None:
    slug, title, title_en, description, description_en, days_ago, challenges, teams, fate = row
    started = timezone.now() - datetime.timedelta(days=days_ago)
    day = datetime.timedelta(days=1)
    hackathon = Hackathon.objects.create(
        slug=slug, title=title, title_en=title_en, description=description, description_en=description_en,
        organisation=organiser, place="Stadshuset, Hantverkargatan 1", online=True, starts_at=started,
        ends_at=started + 2 * day, registration_opens=started - 30 * day, registration_closes=started,
        submission_opens=started, submission_closes=started + 2 * day - datetime.timedelta(hours=2),
        judging_closes=started + 9 * day, created_by=director,
        rules="Lagen äger sin kod och väljer själva licens. Allt ni visar ska bygga på öppna data. Var schyssta.",
        prizes="Vinnaren prövar sin lösning med staden i ett snabbprojekt under ett kvartal. Plats 2 och 3 får "
               "coachning av stadens innovationsteam.",
    )  # fmt: skip
    for order, (name, name_en, weight) in enumerate(RUBRIC, start=1):
        Criterion.objects.create(hackathon=hackathon, name=name, name_en=name_en, weight=weight, order=order)
    Question.objects.create(hackathon=hackathon, text="Behöver någon i laget anpassningar på plats?",
                            text_en="Does anyone in the team need adjustments on site?")  # fmt: skip
    found = {}
    for c_slug, c_title, c_title_en, problem, owner, names in challenges:
        challenge = Challenge.objects.create(
            hackathon=hackathon, slug=c_slug, title=c_title, title_en=c_title_en, description=problem,
            organisation=Organisation.objects.filter(name=owner).first() or organiser,
        )  # fmt: skip
        challenge.datasets.set(Dataset.objects.public().filter(name__in=names))
        found[c_slug] = challenge
    for username in JURY:
        Juror.objects.create(hackathon=hackathon, person=Person.objects.get(username=username))
    submissions = []
    for number, (name, c_slug, people, s_title, text, hypothesis, names, scores) in enumerate(teams, start=1):
        members = [services.Member(name=member, kind=kind, affiliation=where, under_18=young,
                                   guardian_name="Vårdnadshavare " + member if young else "",
                                   guardian_email=f"vh-{slug}-{number}-{i}@demo.example.org" if young else "")
                   for i, (member, kind, where, young) in enumerate(people)]  # fmt: skip
        team = services.register_team(
            hackathon=hackathon, challenge=found[c_slug], name=name, contact_name=people[0][0],
            contact_email=f"lag-{slug}-{number}@demo.example.org", members=members,
            now=started - 10 * day + datetime.timedelta(hours=number),
        )  # fmt: skip
        for member in team.members.filter(under_18=True):
            services.answer_consent(member=member, yes=True, now=started - 9 * day)
        submission = services.save_submission(
            team=team, title=s_title, description=text, hypothesis=hypothesis,
            datasets=list(Dataset.objects.public().filter(name__in=names)), now=started + day,
        )  # fmt: skip
        submissions.append((submission, scores))
    judging = started + 3 * day
    criteria = list(hackathon.criteria.all())
    for submission, scores in submissions:
        for username, values in scores.items():
            juror = Person.objects.get(username=username)
            if values is None:
                services.declare_conflict(
                    actor=juror, team=submission.team, reason="Jag har varit rådgivare åt bolaget."
                )
                continue
            services.score(actor=juror, submission=submission, now=judging,
                           values={c.pk: v for c, v in zip(criteria, values, strict=True)})  # fmt: skip
    standings = services.ranking(hackathon)
    motivations = {row.submission_id: MOTIVATIONS[row.rank] for row in standings if row.rank in MOTIVATIONS}
    services.publish_results(actor=director, hackathon=hackathon, motivations=motivations, now=started + 8 * day)
    if fate == "initiative":
        winner = next(s for s, _scores in submissions if s.pk == standings[0].submission_id)
        winner.refresh_from_db()
        services.make_initiative(
            actor=director, submission=winner, process_type=ProcessType.objects.get(slug="snabbprojekt"),
            unit=Unit.objects.get(slug="digital-fornyelse"),
            lead=Person.objects.filter(username="initiativledare").first(),
        )  # fmt: skip

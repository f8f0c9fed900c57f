"""The demo's lessons-learned bank and award rounds. Idempotent, like the rest of the demo.

The lessons come from the demo's own stopped, pivoted and finished initiatives. Each is written by the
initiative's lead and reviewed by the head of its unit through the services, then dated to a few weeks
after the initiative ended. Two stopped initiatives still owe their lesson, one lesson waits for review and
one was sent back. The award rounds: "Årets lärdom" for last year, published, and this quarter's
"Årets experiment", open for nominations.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Person, RoleAssignment
from tvatakt.portfolio.dates import quarter_end, quarter_start
from tvatakt.portfolio.models import Initiative
from tvatakt.recognition.choices import AwardCategory, RoundPeriod
from tvatakt.recognition.models import AwardRound, Lesson
from tvatakt.recognition.services import awards, lessons

PUBLISHED, IN_REVIEW, SENT_BACK = "published", "in_review", "sent_back"

# (initiative slug, state, title, tried, expected, happened, learned, advice, tags)
LESSONS = [
    (
        "chattbot-for-bostadskon-forsta-forsoket",
        PUBLISHED,
        "En chattbot är aldrig bättre än texterna den läser",
        "Vi lät en chattbot svara på frågor om bostadskön. Den fick läsa våra webbsidor.",
        "Vi trodde att den kunde svara rätt på de flesta frågor. Då skulle kundtjänst få färre samtal.",
        "Många svar var fel eller osäkra. Webbsidorna sa olika saker om samma regel. Vi vågade inte visa svaren.",
        "Boten gjorde bara våra brister synliga. Först måste texterna vara rätt och lika överallt.",
        "Gå igenom texterna med kundtjänst innan ni börjar. Testa sedan med riktiga frågor från kunder.",
        "chattbot, AI, kundtjänst, klarspråk",
    ),
    (
        "blockkedja-for-tomtrattsavtal",
        PUBLISHED,
        "Börja med problemet, inte med tekniken",
        "Vi ville lagra avtal om tomträtt i en blockkedja. Målet var att ingen skulle kunna ändra dem i smyg.",
        "Vi trodde att det skulle ge ett säkrare arkiv än det vi har.",
        "E-arkivet skyddar redan avtalen. Blockkedjan löste inget nytt problem. Vi stoppade efter sex veckor.",
        "Ett snabbt stopp är ett bra resultat. Vi sparade pengar och lärde oss mycket om e-arkivet.",
        "Skriv ner problemet i en mening innan ni väljer teknik. Fråga arkivet vad som redan finns.",
        "blockkedja, arkiv, avtal, stoppa i tid",
    ),
    (
        "sms-paminnelser-om-sophamtning",
        PUBLISHED,
        "Fråga var folk vill få sina påminnelser",
        "Vi skickade sms till hushåll dagen före sophämtning. Vi ville att fler skulle sortera rätt.",
        "Vi trodde att felen i sorteringen skulle minska med en fjärdedel.",
        "Felen minskade lite. Men de flesta ville hellre ha påminnelsen i appen. Sms kändes som reklam.",
        "Det var rätt idé i fel kanal. Folk vill ha allt om sitt hushåll på ett ställe.",
        "Testa kanalen med några hushåll först. Bygg sedan i den kanal som folk redan använder.",
        "sms, påminnelser, app, avfall",
    ),
    (
        "digital-karta-over-utegym",
        PUBLISHED,
        "Öppna data räcker långt, en egen karta gör det sällan",
        "Vi byggde en karta över stadens utegym. Den låg på stadens webb.",
        "Vi trodde att många skulle hitta nya utegym via kartan.",
        "Få använde kartan. Folk söker i de kartappar de redan har.",
        "Vi ska inte bygga en egen karta. Vi ska dela data så att andra kan visa den.",
        "Lägg platserna i registret över serviceenheter. Publicera dem som öppna data. Det kostar lite.",
        "öppna data, karta, idrott",
    ),
    (
        "vr-utbildning-for-hemtjanstens-personal",
        PUBLISHED,
        "Dyr utrustning måste gå att hålla i gång",
        "Vi lät personal i hemtjänsten öva svåra lägen med VR. Till exempel ett fall i hemmet.",
        "Vi trodde att övningarna skulle ge trygghet. Och att de skulle ersätta en del kurser.",
        "Personalen gillade övningarna. Men glasögonen var dyra och blev snabbt gamla. Ingen kunde sköta dem.",
        "Tekniken var bra men driften saknades. Ingen hade ansvar för att uppdatera den.",
        "Räkna med drift och uppdatering från början. Pröva enklare sätt, som filmer, innan ni köper.",
        "VR, utbildning, hemtjänst, drift",
    ),
    (
        "upphandling-av-vaxel-och-kontaktcenter",
        PUBLISHED,
        "En upphandling som stoppas i tid är ingen förlust",
        "Vi började en upphandling av ny växel och nytt kontaktcenter för staden.",
        "Vi trodde att en stor gemensam upphandling skulle ge lägre pris och ett system för alla.",
        "Behoven skilde sig mycket åt. Kraven blev för många. Inga bra anbud kunde komma.",
        "Vi gjorde behovsanalysen för snabbt. Det syntes först när kraven skulle skrivas.",
        "Lägg mer tid på behovsanalys och marknadsdialog. Dela upp en stor upphandling i delar.",
        "upphandling, LOU, kontaktcenter, behovsanalys",
    ),
    (
        "automatiska-svar-pa-felanmalningar-via-e-post",
        PUBLISHED,
        "Ett kvitto är inte det folk väntar på",
        "Hyresgäster som anmälde fel fick ett svar direkt via e-post. Svaret sa att vi fått anmälan.",
        "Vi trodde att färre skulle ringa och fråga om sin anmälan.",
        "Lika många ringde. De ville veta när någon skulle komma, inte att vi fått anmälan.",
        "Vi löste vårt problem, inte hyresgästens. Det viktiga var en tid för besöket.",
        "Fråga vad folk vill veta innan ni svarar dem. Ge en tid om ni kan.",
        "e-post, felanmälan, bostäder, kundtjänst",
    ),
    (
        "programmet-omsorgslanken-ny-plattform-for-socialtjansten",
        PUBLISHED,
        "Det är bättre att stoppa i tid än att fortsätta för länge",
        "Vi skulle byta hela socialtjänstens system i ett stort program. Det pågick i flera år.",
        "Vi trodde att en ny plattform skulle ge ett enklare arbete. Och ett system för alla stadsdelar.",
        "Kostnaderna växte. Plattformen klarade inte behoven. Till slut stoppade vi programmet.",
        "Vi väntade för länge med att fråga om vi skulle fortsätta. Varje år gjorde det svårare att stoppa.",
        "Bestäm i förväg när ni ska pröva om arbetet ska fortsätta. Leverera i små delar som går att använda.",
        "stoppa i tid, upphandling, socialtjänst, styrning",
    ),
    (
        "dronare-for-inspektion-av-tak",
        PUBLISHED,
        "Sök tillstånd innan försöket börjar",
        "Vi ville se över tak i gamla stan med drönare. Det skulle vara säkrare än att klättra.",
        "Vi trodde att vi kunde flyga inom några veckor.",
        "Tillstånden tog längre tid än hela försöket. Vi hann nästan inte flyga alls.",
        "Regler och tillstånd kan ta mer tid än tekniken. Det visste vi inte från början.",
        "Ta reda på vilka tillstånd som behövs. Sök dem innan ni startar klockan.",
        "drönare, tillstånd, fastigheter",
    ),
    (
        "digitalt-kvitto-pa-hemtjanstbesok",
        PUBLISHED,
        "Anhöriga vill prata med en människa",
        "Anhöriga fick ett digitalt kvitto efter varje besök av hemtjänsten.",
        "Vi trodde att kvittot skulle ge trygghet. Och att färre skulle ringa till kontoret.",
        "Få läste kvittona. De som var oroliga ville ringa dem som hade varit där.",
        "Trygghet kom från en person att prata med, inte från mer information.",
        "Fråga anhöriga vad som gör dem trygga. Pröva ett direkt nummer till arbetslaget.",
        "hemtjänst, anhöriga, äldreomsorg",
    ),
    (
        "prognos-for-skolplaceringar-med-maskininlarning",
        PUBLISHED,
        "En ny modell måste vara bättre än den gamla",
        "Vi tränade en modell för att räkna ut hur många barn som behöver skolplats.",
        "Vi trodde att den skulle slå befolkningsprognosen.",
        "Modellen var inte bättre. Det svåra var att läsa prognosen, inte att räkna den.",
        "Mät mot det ni redan har innan ni bygger nytt. Ibland ligger nyttan i att visa det bättre.",
        "Jämför alltid med dagens sätt. Pröva kartor och enkla tabeller innan ni tar till AI.",
        "AI, prognos, skola, maskininlärning",
    ),
    (
        "digital-signering-av-anstallningsavtal",
        PUBLISHED,
        "Börja där pappret stoppar flest",
        "Nya medarbetare fick skriva under sitt avtal digitalt. Vi började på en förvaltning.",
        "Vi trodde att det skulle spara några dagar per anställning.",
        "Det sparade sex dagar i snitt. Chefer och medarbetare ville inte gå tillbaka.",
        "Ett litet steg i en lång kedja kan ge mycket. Det gick fort att sprida när det fungerade.",
        "Leta efter steg där papper skickas fram och tillbaka. Börja där och mät tiden före och efter.",
        "e-underskrift, HR, skala upp",
    ),
    (
        "oppet-api-for-lediga-parkeringsplatser",
        PUBLISHED,
        "Ett öppet API behöver en ägare",
        "Vi öppnade data om lediga platser i våra garage. Vem som helst kunde hämta dem.",
        "Vi trodde att någon app skulle använda dem.",
        "Tre appar började använda data på några veckor. Sedan kom frågor om drift och fel.",
        "Öppna data blir en tjänst när någon använder den. Då måste någon ta hand om den.",
        "Bestäm vem som äger API:et innan ni öppnar det. Skriv vad den som använder det kan lita på.",
        "öppna data, API, parkering, förvaltning",
    ),
    (
        "sjalvservice-for-losenord-i-skolan",
        PUBLISHED,
        "Små problem som kommer ofta är värda att lösa",
        "Elever och lärare fick byta lösenord själva. Förut fick de ringa supporten.",
        "Vi trodde att samtalen om lösenord skulle bli färre.",
        "Samtalen minskade med 62 procent. Supporten fick tid för svårare frågor.",
        "Det tråkiga problemet var det som kostade mest tid.",
        "Räkna vad supporten får flest frågor om. Börja med det som kommer oftast.",
        "support, skola, självservice",
    ),
    (
        "sensorer-for-fyllnadsgrad-i-papperskorgar",
        PUBLISHED,
        "Mät innan ni kör",
        "Vi satte sensorer i papperskorgar i parkerna. De visade hur fulla korgarna var.",
        "Vi trodde att vi kunde tömma mer sällan utan att det blev skräpigt.",
        "Turerna för att tömma blev 30 procent färre. Parkerna blev inte skräpigare.",
        "Data från sensorer lönar sig när den styr ett arbete som görs varje dag.",
        "Välj ett arbete som görs ofta. Mät i några veckor innan ni ändrar något.",
        "sensorer, parker, avfall, skala upp",
    ),
    (
        "3d-modell-for-samrad-om-nya-kvarter",
        PUBLISHED,
        "Visa hur det blir, så vill fler tycka till",
        "Vi visade nya kvarter i en 3D-modell på webben vid samråd.",
        "Vi trodde att fler skulle förstå planerna.",
        "Antalet synpunkter ökade från 140 till 390. Fler unga svarade.",
        "Ritningar är svåra att läsa. En bild av gatan gör planen begriplig.",
        "Använd bilder och modeller i samråd. Gör dem enkla att öppna i mobilen.",
        "samråd, dialog, 3D, stadsutveckling",
    ),
    (
        "skyltar-med-realtidsinformation-vid-arenorna",
        PUBLISHED,
        "Rätt information på rätt plats",
        "Vi satte upp skyltar vid arenorna. De visade vilken väg som var minst trång.",
        "Vi trodde att området skulle tömmas snabbare efter en match.",
        "Det gick 18 minuter snabbare i snitt. Polisen och trafiken märkte skillnad.",
        "Folk följer råd som kommer i rätt stund och syns där de går.",
        "Sätt informationen där besluten tas. Mät flödet före och efter.",
        "skyltar, trafik, evenemang",
    ),
    (
        "oppna-data-fran-rotemansarkivet",
        PUBLISHED,
        "Gamla register kan bli nya tjänster",
        "Vi publicerade rotemansarkivet som öppna data. Det är ett register över invånare för länge sedan.",
        "Vi trodde att några forskare skulle hämta det.",
        "Det blev över 10 000 nedladdningar den första månaden. Släktforskare och skolor hörde av sig.",
        "Vi visste inte vem som ville ha data förrän vi delade den.",
        "Publicera tidigt i ett enkelt format. Se vem som hör av sig och bygg vidare med dem.",
        "öppna data, arkiv, historia",
    ),
    (
        "avveckling-av-det-gamla-ekonomisystemet",
        PUBLISHED,
        "Planera slutet lika noga som starten",
        "Vi stängde det gamla systemet för ekonomi. Data flyttades till e-arkivet.",
        "Vi trodde att det svåra var tekniken.",
        "Tekniken gick bra. Det svåra var att hitta vem som ägde alla gamla rapporter.",
        "En avveckling är ett eget projekt. Den behöver tid, budget och en ägare.",
        "Gör en lista över allt som använder systemet. Fråga varje ägare i god tid.",
        "avveckling, arkiv, ekonomi, drift",
    ),
    (
        "upphandling-av-parkeringsapp-och-betalsystem",
        PUBLISHED,
        "Testa med användare innan ni skriver kraven",
        "Vi upphandlade en app för att betala parkering i hela staden.",
        "Vi trodde att kraven från förra upphandlingen skulle räcka.",
        "Tester med bilister visade nya behov. Vi fick skriva om en del krav. Det tog en månad extra.",
        "Kraven blir bättre när de bygger på tester med riktiga användare.",
        "Gör enkla tester med användare under behovsanalysen. Det sparar tid i upphandlingen.",
        "upphandling, LOU, app, parkering",
    ),
    (
        "chattbot-for-fragor-om-bygglov",
        IN_REVIEW,
        "En guide slog chattboten",
        "Vi lät en chattbot svara på frågor om bygglov.",
        "Vi trodde att den kunde svara rätt på sju av tio frågor.",
        "Frågorna var för olika. Boten svarade rätt på hälften.",
        "De flesta frågor handlade om tio vanliga fall. En tydlig guide räcker för dem.",
        "Samla frågorna först. Se om en bra guide på webben räcker.",
        "chattbot, bygglov, AI",
    ),
    (
        "ai-som-hittar-risker-i-projektkontorets-riskloggar",
        SENT_BACK,
        "AI hittade inga nya risker",
        "Vi lät AI läsa riskloggar.",
        "Nya risker.",
        "Samma risker som förut.",
        "AI är bra på att sammanfatta.",
        "Använd AI till sammanfattningar.",
        "AI, risker",
    ),
]

# (lesson's initiative, the new initiative that read it first). All but the first cross organisations.
USES = [
    ("chattbot-for-bostadskon-forsta-forsoket", "chattbot-for-fragor-om-bostadskon"),
    ("digital-karta-over-utegym", "oppet-api-for-luftkvalitet"),
    ("sms-paminnelser-om-sophamtning", "parkeringstillstand-direkt-i-mobilen"),
    ("dronare-for-inspektion-av-tak", "sensorer-for-nivan-i-dagvattenbrunnar"),
    ("upphandling-av-vaxel-och-kontaktcenter", "upphandling-av-digitala-las-och-passersystem-for-skolor"),
    ("programmet-omsorgslanken-ny-plattform-for-socialtjansten", "upphandling-av-planeringssystem-for-hemtjansten"),
    ("oppet-api-for-lediga-parkeringsplatser", "oppet-api-for-luftkvalitet"),
]

JURORS = [("jurymedlem", "", "", ""), ("jury-berg", "Astrid", "Berg", "Innovationsrådgivare")]
JURORS += [("jury-nilsson", "Patrik", "Nilsson", "Verksamhetsutvecklare")]

# Last year's "Årets lärdom": (lesson's initiative, motivation, the scores of the three jurors).
LAST_YEAR = [
    (
        "programmet-omsorgslanken-ny-plattform-for-socialtjansten",
        "Lärdomen är ärlig om ett dyrt misstag. Den visar hur vi kan stoppa i tid nästa gång. Den har redan "
        "hjälpt en annan förvaltning i en ny upphandling.",
        (5, 5, 4),
    ),
    (
        "chattbot-for-bostadskon-forsta-forsoket",
        "Ett kort försök som gav en tydlig lärdom om våra texter. Den gäller alla som vill pröva AI.",
        (4, 4, 4),
    ),
    (
        "blockkedja-for-tomtrattsavtal",
        "Ett föredöme i att stoppa snabbt. Sex veckor i stället för två år.",
        (3, 4, 3),
    ),
]
# This quarter's "Årets experiment": (initiative, motivation).
THIS_QUARTER = [
    (
        "digital-signering-av-anstallningsavtal",
        "Sex dagar sparade per anställning, och nu i hela staden. Ett litet försök som blev stort.",
    ),
    (
        "oppet-api-for-lediga-parkeringsplatser",
        "Tre appar på några veckor. Ett bra exempel på att dela data i stället för att bygga själv.",
    ),
]


@transaction.atomic
def load_demo_lessons() -> int:
    """The lessons, their uses and the two award rounds. Returns how many lessons were added."""
    initiatives = Initiative.objects.select_related("organisation", "unit").in_bulk(
        {row[0] for row in LESSONS} | {new for _old, new in USES} | {slug for slug, _text in THIS_QUARTER},
        field_name="slug",
    )
    if Lesson.objects.filter(initiative__slug__in=[row[0] for row in LESSONS]).exists():
        return 0
    director = Person.objects.get(username="it-direktor")
    heads = {
        row.unit_id: row.person
        for row in RoleAssignment.objects.active().filter(role=Role.UNIT_HEAD).select_related("person")
    }
    written = {}
    for slug, state, title, tried, expected, happened, learned, advice, tags in LESSONS:
        initiative = initiatives.get(slug)
        if initiative is None:
            continue  # the demo's portfolio was edited: skip what is gone
        author = initiative.lead or initiative.team.first()
        reviewer = heads.get(initiative.unit_id)
        if reviewer is None or reviewer == author:
            reviewer = director
        lesson = lessons.lesson_write(
            actor=author, initiative=initiative, title=title, tried=tried, expected=expected, happened=happened,
            learned=learned, advice=advice, tags=tags,
        )  # fmt: skip
        lessons.lesson_submit(actor=author, lesson=lesson)
        if state == PUBLISHED:
            lesson = lessons.lesson_review(actor=reviewer, lesson=lesson, publish=True)
            ended = initiative.outcome_on or initiative.actual_end or timezone.localdate()
            day = min(ended + datetime.timedelta(days=21), timezone.localdate())
            Lesson.objects.filter(pk=lesson.pk).update(published_on=day)
        elif state == SENT_BACK:
            comment = "Bra början! Skriv lite mer i varje del. Vad gjorde ni, och vad ska andra göra?"
            lessons.lesson_review(actor=reviewer, lesson=lesson, publish=False, comment=comment)
        written[slug] = lesson
    for old, new in USES:
        lesson, initiative = written.get(old), initiatives.get(new)
        if lesson is None or initiative is None or initiative.lead is None or not initiative.is_open:
            continue
        if not lessons.behind_lesson(initiative.lead, lesson):  # nobody notes their own lesson
            lessons.lesson_use_add(
                actor=initiative.lead, lesson=Lesson.objects.get(pk=lesson.pk), initiative=initiative
            )
    _award_rounds(director, written, initiatives)
    return len(written)


def _jurors() -> list[Person]:
    jury = []
    for username, first, last, title in JURORS:
        person = Person.objects.filter(username=username).first()
        if person is None:
            person = Person.objects.create(
                username=username, first_name=first, last_name=last, title=title,
                email=f"{username}@demo.example.org", password=Person.objects.get(username="jurymedlem").password,
            )  # fmt: skip
        if not RoleAssignment.objects.active().filter(person=person, role=Role.JURY_MEMBER).exists():
            RoleAssignment.objects.create(person=person, role=Role.JURY_MEMBER, valid_from=datetime.date(2024, 1, 1))
        jury.append(person)
    return jury


def _award_rounds(director: Person, written: dict, initiatives: dict) -> None:
    """Told through the services on today's date, then dated back where the round lies in the past."""
    today = timezone.localdate()
    jury = _jurors()
    last_year = datetime.date(today.year - 1, 1, 1)
    if not AwardRound.objects.filter(category=AwardCategory.LESSON, starts_on=last_year).exists():
        award_round = awards.award_round_open(
            actor=director, category=AwardCategory.LESSON, period=RoundPeriod.YEAR, starts_on=last_year,
            nominations_close=today, jury=jury,
        )  # fmt: skip
        nominations = []
        for slug, motivation, scores in LAST_YEAR:
            if slug in written:
                lesson = Lesson.objects.select_related("initiative").get(pk=written[slug].pk)
                nomination = awards.nomination_add(
                    actor=director, round=award_round, lesson=lesson, motivation=motivation
                )
                nominations.append((nomination, scores))
        if nominations:
            awards.round_close_nominations(actor=director, round=award_round)
            for nomination, scores in nominations:
                for juror, score in zip(jury, scores, strict=True):
                    awards.score_add(actor=juror, nomination=nomination, score=score)
            awards.round_publish(actor=director, round=award_round)
            AwardRound.objects.filter(pk=award_round.pk).update(
                nominations_close=datetime.date(today.year - 1, 12, 15),
                published_on=datetime.date(today.year, 1, 20),
            )
    this_quarter = quarter_start(today)
    if not AwardRound.objects.filter(category=AwardCategory.EXPERIMENT, starts_on=this_quarter).exists():
        award_round = awards.award_round_open(
            actor=director, category=AwardCategory.EXPERIMENT, period=RoundPeriod.QUARTER, starts_on=this_quarter,
            nominations_close=quarter_end(today), jury=jury,
        )  # fmt: skip
        nominator = Person.objects.get(username="enhetschef")
        for slug, motivation in THIS_QUARTER:
            if slug in initiatives and not initiatives[slug].is_confidential:
                awards.nomination_add(
                    actor=nominator, round=award_round, initiative=initiatives[slug], motivation=motivation
                )

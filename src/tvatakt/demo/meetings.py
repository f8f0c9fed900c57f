"""The demo council's year: its members, its meetings and what was decided. People and decisions are invented.

The loader (council.py) replays it through the council's services. Dates are relative to the day the demo is
loaded: the past meetings fall on the last ten meeting days before today (the second Tuesday of each month,
with no meetings in July and August), and the planned ones on the next meeting days.
"""

from dataclasses import dataclass

from tvatakt.demo.city import ALL_DISTRICTS, SPECIALIST

SLUG = "digitaliseringsradet"
COUNCIL = {
    "name": "Digitaliseringsrådet",
    "name_en": "The digitalisation council",
    "description": (
        "Rådet beslutar om digitalisering som gäller flera förvaltningar och bolag. Stadsdirektören leder rådet. "
        "Varje förvaltning och bolag har en ambassadör som för ut besluten och rapporterar hur de införs."
    ),
    "description_en": (
        "The council decides on digitalisation that concerns several administrations and companies. The city "
        "director chairs it. Every administration and company has an ambassador who carries the decisions into it "
        "and reports how they are adopted."
    ),
    "quorum": 5,
}

# Members besides the demo chair (radsordforande) and member (radsledamot):
# (user name, first name, last name, title, scope kind, scope key, member since)
MEMBERS = [
    ("ledamot-forsberg", "Helena", "Forsberg", "Socialdirektör", "organisation", "Socialförvaltningen", "2023-01-01"),
    ("ledamot-ekstrom", "Rickard", "Ekström", "Vd", "organisation", "AB Stokab", "2023-01-01"),
    ("ledamot-wallin", "Cecilia", "Wallin", "Stadsdelsdirektör", "cluster", "valfard-och-omsorg", "2023-01-01"),
    ("ledamot-lund", "Peter", "Lund", "Trafikdirektör", "organisation", "Trafikkontoret", "2023-01-01"),
    ("ledamot-karimi", "Nadia", "Karimi", "Vd", "cluster", "bostad-och-stadsutveckling", "2025-06-01"),
    ("ledamot-sjoberg", "Louise", "Sjöberg", "Kulturdirektör", "cluster", "kultur-och-fritid", "2023-01-01"),
    ("ledamot-engstrom", "Tomas", "Engström", "Ekonomidirektör", "organisation", "Stadsledningskontoret", "2026-01-01"),
    ("ledamot-dahl", "Kristina", "Dahl", "Förvaltningschef", "organisation", "Serviceförvaltningen", "2023-01-01"),
]
# Who signs the minutes as adjuster, in turn. Never the chair.
ADJUSTERS = ["radsledamot", "ledamot-dahl", "ledamot-forsberg", "ledamot-lund", "ledamot-sjoberg", "ledamot-wallin"]

PLACES = {
    "radssalen": "Stadshuset, Rådssalen",
    "ovalen": "Stadshuset, Ovalen",
    "digitalt": "Digitalt möte",
    "kulturhuset": "Kulturhuset Stadsteatern, Studion",
}


@dataclass(frozen=True)
class Exemption:
    """An organisation asks to be exempted. `grant` None: the secretary has not decided yet."""

    organisation: str
    reason: str
    grant: bool | None = None
    answer: str = ""


@dataclass(frozen=True)
class Ballot:
    """A vote: these members vote against, abstain or are away; every other member present votes for."""

    against: tuple[str, ...] = ()
    abstain: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """An agenda item. An item for decision that has `text` was decided at the meeting."""

    kind: str
    title: str
    title_en: str
    background: str = ""
    background_en: str = ""
    raised_by: str = "it-direktor"
    initiatives: tuple[str, ...] = ()  # titles of demo initiatives
    key: str = ""  # a name for the decision, for a later correction to refer to
    text: str = ""
    text_en: str = ""
    months: int = 6  # deadline: months after the decision
    scope: str | tuple[str, ...] = "all"  # "all", a cluster slug, or organisation names
    ballot: Ballot | None = None  # None: decided by consensus
    corrects: str = ""  # key of the decision this one corrects
    exemptions: tuple[Exemption, ...] = ()
    pace: float = 1.0  # how fast the organisations adopt it; above 1 is slower


@dataclass(frozen=True)
class Meeting:
    place: str
    items: tuple[Item, ...]
    hour: int = 13


INFO, TALK, DECIDE = "information", "discussion", "decision"

PAST = [
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                INFO,
                "Rådets uppdrag och arbetsordning",
                "The council's remit and rules of procedure",
                "Ordföranden går igenom rådets uppdrag. Rådet beslutar om digitalisering som gäller flera "
                "förvaltningar och bolag.",
                "The chair presents the council's remit. The council decides on digitalisation that concerns several "
                "administrations and companies.",
                raised_by="radsordforande",
            ),
            Item(
                DECIDE,
                "Arbetssätt i två takter",
                "Working in two tempos",
                "Digitaliseringsavdelningen arbetar redan i två takter. Nu föreslås att hela staden gör likadant.",
                "The digitalisation department already works in two tempos. The proposal is that the whole city "
                "does the same.",
                key="two-tempo",
                text="Staden arbetar i två takter. Långa processer, som upphandlingar och program, följs upp mot "
                "plan, budget och nytta. Snabba processer tar högst ett kvartal och följs upp mot resultat och "
                "lärdomar. Alla förvaltningar och bolag visar sina initiativ i stadens gemensamma portfölj.",
                text_en="The city works in two tempos. Long processes, such as procurements and programmes, are "
                "followed up on plan, budget and benefits. Fast processes take at most one quarter and are followed "
                "up on outcomes and lessons. All administrations and companies show their initiatives in the city's "
                "shared portfolio.",
                months=6,
                pace=0.9,
            ),
            Item(
                DECIDE,
                "Gemensam e-legitimation",
                "Common e-identification",
                "Förvaltningarna har olika lösningar för inloggning i e-tjänster. Det kostar mer och är svårare för "
                "invånarna.",
                "The administrations have different ways to sign in to e-services. That costs more and is harder for "
                "residents.",
                key="e-id",
                text="Alla e-tjänster för invånare och företag använder stadens gemensamma tjänst för "
                "e-legitimation. Tjänsten tar emot BankID, Freja och e-legitimation från andra länder i EU.",
                text_en="All e-services for residents and businesses use the city's common e-identification "
                "service. It accepts BankID, Freja and e-identification from other EU countries.",
                months=9,
                exemptions=(
                    Exemption(
                        "Stockholm Globe Arena Fastigheter AB",
                        "Bolaget har inga e-tjänster där invånare loggar in.",
                        True,
                        "Beviljas. Beslutet gäller när bolaget startar en e-tjänst med inloggning.",
                    ),
                    Exemption(
                        "Revisionskontoret",
                        "Kontoret har inga e-tjänster för invånare.",
                        True,
                        "Beviljas så länge kontoret saknar e-tjänster med inloggning.",
                    ),
                ),
            ),
        ),
    ),
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                DECIDE,
                "Lösenord och inloggning med två faktorer",
                "Passwords and two-factor sign-in",
                "Flera incidenter förra året började med ett stulet lösenord.",
                "Several incidents last year started with a stolen password.",
                key="passwords",
                text="Lösenord har minst 14 tecken. Alla system med personuppgifter kräver inloggning med två "
                "faktorer. Stadens gemensamma inloggning används där det går.",
                text_en="Passwords have at least 14 characters. All systems with personal data require two-factor "
                "sign-in. The city's common sign-in is used wherever possible.",
                months=4,
                exemptions=(
                    Exemption(
                        "Kyrkogårdsförvaltningen",
                        "Gravregistret klarar inte inloggning med två faktorer. Systemet byts ut nästa år.",
                        False,
                        "Avslås. Gravregistret kan nås via stadens gemensamma inloggning, som har två faktorer. "
                        "IT-säkerhet hjälper er.",
                    ),
                ),
            ),
            Item(
                DECIDE,
                "Verktyg för digitala möten",
                "Tools for online meetings",
                "Förvaltningarna använder fem olika verktyg för digitala möten. Det gör det svårt att mötas.",
                "The administrations use five different tools for online meetings. That makes it hard to meet.",
                key="meeting-tools",
                text="Staden har ett gemensamt verktyg för digitala möten. Andra verktyg används bara när en extern "
                "part kräver det. Egna avtal för mötesverktyg sägs upp när de löper ut.",
                text_en="The city has one shared tool for online meetings. Other tools are used only when an "
                "outside party requires it. Own contracts for meeting tools are ended when they expire.",
                months=6,
                exemptions=(
                    Exemption(
                        "Kulturhuset Stadsteatern AB",
                        "Vi sänder föreställningar och behöver ett verktyg för strömning.",
                        True,
                        "Beviljas för att strömma föreställningar. Interna möten hålls i stadens verktyg.",
                    ),
                ),
            ),
            Item(
                DECIDE,
                "Gemensam modell för nyttorealisering",
                "A common model for benefits realisation",
                "DIGG har en modell för nyttorealisering. Förslaget är att staden använder den i alla större "
                "initiativ.",
                "DIGG has a model for benefits realisation. The proposal is that the city uses it in all larger "
                "initiatives.",
                key="benefits",
                text="Alla initiativ som kostar mer än en miljon kronor har en plan för nyttan. Planen har en ägare, "
                "ett nuläge, ett mål och datum för uppföljning. Staden använder DIGG:s modell.",
                text_en="Every initiative that costs more than one million kronor has a benefits plan. The plan has "
                "an owner, a baseline, a target and follow-up dates. The city uses DIGG's model.",
                months=6,
                pace=1.1,
            ),
            Item(
                TALK,
                "Molntjänster: behov och risker",
                "Cloud services: needs and risks",
                "Förvaltningarna vill använda fler molntjänster. Juristerna pekar på risker med personuppgifter.",
                "The administrations want to use more cloud services. The lawyers point to risks with personal data.",
            ),
        ),
    ),
    Meeting(
        PLACES["ovalen"],
        (
            Item(
                DECIDE,
                "Stadens policy för molntjänster",
                "The city's cloud policy",
                "Förslaget bygger på diskussionen vid förra mötet. Två bolag vill ha större frihet att välja "
                "leverantör.",
                "The proposal builds on the discussion at the last meeting. Two companies want more freedom to "
                "choose a supplier.",
                key="cloud",
                text="Staden får använda molntjänster efter en bedömning av risker. Känsliga personuppgifter "
                "lagras inom EU och EES. Alla förvaltningar och bolag har en lista över sina molntjänster.",
                text_en="The city may use cloud services after a risk assessment. Sensitive personal data is stored "
                "within the EU and EEA. Every administration and company keeps a list of its cloud services.",
                months=6,
                ballot=Ballot(against=("ledamot-ekstrom", "ledamot-lund"), abstain=("ledamot-karimi",)),
            ),
            Item(
                DECIDE,
                "Krav på tillgänglighet i upphandlingar",
                "Accessibility requirements in procurements",
                "Lagen om tillgänglighet till digital offentlig service gäller allt staden köper. Kraven glöms ofta "
                "bort i upphandlingar.",
                "The law on accessible digital public services applies to everything the city buys. The "
                "requirements are often forgotten in procurements.",
                initiatives=("Programmet Tillgänglig webb",),
                key="accessible-procurement",
                text="Varje upphandling av digitala tjänster ställer krav på tillgänglighet enligt EN 301 549, som "
                "motsvarar WCAG 2.1 nivå AA. Leverantören visar hur kraven uppfylls innan avtalet skrivs.",
                text_en="Every procurement of digital services sets accessibility requirements under EN 301 549, "
                "which matches WCAG 2.1 level AA. The supplier shows how it meets them before the contract is signed.",
                months=3,
            ),
            Item(
                INFO,
                "Lägesrapport: Programmet Skolnav",
                "Status report: the Skolnav programme",
                "Utbildningsförvaltningen berättar om läget i programmet och om lärdomarna från starten.",
                "The education administration reports on the programme and on the lessons from its launch.",
                raised_by="radsledamot",
                initiatives=("Programmet Skolnav: gemensam digital plattform för skolan",),
            ),
        ),
    ),
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                DECIDE,
                "Öppna data som standard",
                "Open data by default",
                "Staden har en portal för öppna data, men få förvaltningar publicerar något.",
                "The city has an open data portal, but few administrations publish anything.",
                initiatives=("Programmet Öppna data som standard", "Öppet API för luftkvalitet"),
                key="open-data",
                text="Data som inte är sekretess eller personuppgifter publiceras som öppna data på stadens portal. "
                "Alla förvaltningar och bolag utser en ansvarig för sina data och publicerar minst tre datamängder.",
                text_en="Data that is neither confidential nor personal is published as open data on the city's "
                "portal. Every administration and company names someone responsible for its data and publishes at "
                "least three datasets.",
                months=9,
                pace=1.15,
            ),
            Item(
                DECIDE,
                "Försök: gemensam plattform för sensordata",
                "Pilot: a shared platform for sensor data",
                "Klustret har många sensorer i olika system. En gemensam plattform kan göra data lättare att använda.",
                "The cluster has many sensors in different systems. A shared platform can make the data easier to use.",
                raised_by="ledamot-lund",
                initiatives=(
                    "Programmet Sensorstaden: uppkopplade gatumiljöer",
                    "Sensorer för nivån i dagvattenbrunnar",
                ),
                key="sensor-pilot",
                text="Klustret Teknik och infrastruktur prövar en gemensam plattform för sensordata i ett år. Nya "
                "sensorer i klustret kopplas till plattformen.",
                text_en="The technology and infrastructure cluster tries a shared platform for sensor data for one "
                "year. New sensors in the cluster are connected to it.",
                months=6,
                scope="teknik-och-infrastruktur",
                pace=0.8,
            ),
            Item(
                DECIDE,
                "Tillgänglighetsredogörelse på alla webbplatser",
                "An accessibility statement on every website",
                "Många av stadens webbplatser saknar en aktuell redogörelse.",
                "Many of the city's websites lack an up-to-date statement.",
                initiatives=("Programmet Tillgänglig webb",),
                key="accessibility-statement",
                text="Alla webbplatser och appar har en aktuell tillgänglighetsredogörelse. Den visar vad som inte "
                "är tillgängligt och varför, när webbplatsen granskades och hur man lämnar synpunkter. Den länkar "
                "till DIGG:s formulär för anmälan.",
                text_en="Every website and app has an up-to-date accessibility statement. It shows what is not "
                "accessible and why, when the site was assessed and how to give feedback. It links to DIGG's "
                "complaint form.",
                months=3,
            ),
        ),
    ),
    Meeting(
        PLACES["digitalt"],
        (
            Item(
                DECIDE,
                "Riktlinjer för AI",
                "Guidelines for AI",
                "Allt fler medarbetare använder AI-tjänster i sitt arbete. Staden saknar gemensamma regler.",
                "More and more staff use AI services at work. The city has no common rules.",
                initiatives=(
                    "Klarspråk med AI i stadens brev",
                    "AI som sammanfattar veckorapporter i projektkontoret",
                ),
                key="ai",
                text="Staden antar riktlinjer för generativ AI. Personuppgifter och uppgifter med sekretess får "
                "inte skrivas in i öppna AI-tjänster. Varje AI-tjänst som används finns i stadens AI-register med "
                "en ansvarig person.",
                text_en="The city adopts guidelines for generative AI. Personal and confidential data may not be "
                "entered into public AI services. Every AI service in use is listed in the city's AI register with "
                "a person responsible.",
                months=4,
                ballot=Ballot(against=("ledamot-wallin",), abstain=("ledamot-karimi",)),
            ),
            Item(
                DECIDE,
                "Gemensam plattform för ärendehantering",
                "A shared case management platform",
                "Fackförvaltningarna har tolv olika ärendesystem. En gemensam plattform kan spara pengar, men flytten "
                "tar tid.",
                "The specialist administrations have twelve different case systems. A shared platform can save "
                "money, but the move takes time.",
                key="case-platform",  # the procurement it concerns is confidential: not named on the agenda
                text="Fackförvaltningarna flyttar sin ärendehantering till en gemensam plattform. Var och en flyttar "
                "när det egna avtalet löper ut, och senast inom tre år. Första steget är en plan för flytten.",
                text_en="The specialist administrations move their case management to a shared platform. Each moves "
                "when its own contract ends, and within three years at the latest. The first step is a plan for the "
                "move.",
                months=9,
                scope=tuple(SPECIALIST),
                ballot=Ballot(
                    against=("ledamot-ekstrom", "ledamot-forsberg", "ledamot-wallin", "ledamot-engstrom"),
                    abstain=("ledamot-lund",),
                ),
                exemptions=(
                    Exemption(
                        "Revisionskontoret",
                        "Revisionen måste vara oberoende av dem den granskar. Vi behöver ett eget system.",
                        True,
                        "Beviljas. Revisionens oberoende väger tyngst.",
                    ),
                    Exemption(
                        "Överförmyndarförvaltningen",
                        "Vi upphandlar redan ett nytt ärendesystem. Avtalet gäller i fyra år.",
                        True,
                        "Beviljas. Frågan prövas igen när det nya avtalet löper ut.",
                    ),
                ),
                pace=1.2,
            ),
            Item(
                TALK,
                "Erfarenheter från de första sprintarna",
                "Lessons from the first sprints",
                "Projektkontoret berättar vad de snabba projekten har lärt oss, också de som stoppades.",
                "The project office tells what the fast projects have taught us, including those that were stopped.",
                raised_by="enhetschef",
                initiatives=(
                    "AI som sammanfattar veckorapporter i projektkontoret",
                    "Chattbot för bostadskön: första försöket",
                ),
            ),
        ),
    ),
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                DECIDE,
                "Digital brevlåda för brev till invånare",
                "A digital mailbox for letters to residents",
                "Staden skickar över en miljon brev om året. Porto och tryck kostar mycket.",
                "The city sends over a million letters a year. Postage and printing cost a lot.",
                key="digital-mail",
                text="Brev från staden till invånare och företag skickas i första hand till en digital brevlåda. Den "
                "som inte har en digital brevlåda får brevet på papper som förut.",
                text_en="Letters from the city to residents and businesses go to a digital mailbox first. Anyone "
                "without a digital mailbox gets the letter on paper as before.",
                months=6,
                exemptions=(
                    Exemption(
                        "Stockholms Hamn AB",
                        "Bolaget skickar inga brev till invånare.",
                        True,
                        "Beviljas. Bolaget har inga utskick som beslutet gäller.",
                    ),
                ),
            ),
            Item(
                DECIDE,
                "Samma e-tjänst för inskrivning i förskolan",
                "One e-service for preschool enrolment",
                "Försöket med digital inskrivning gav kortare köer och färre fel.",
                "The trial of digital enrolment gave shorter queues and fewer errors.",
                raised_by="radsledamot",
                initiatives=("Digital inskrivning i förskolan",),
                key="preschool-enrolment",
                text="Förskolorna i klustret Skola och förskola använder samma e-tjänst för inskrivning. "
                "Blanketten på papper finns kvar för den som behöver den.",
                text_en="The preschools in the school and preschool cluster use the same e-service for enrolment. "
                "The paper form stays for those who need it.",
                months=5,
                scope="skola-och-forskola",
            ),
            Item(
                DECIDE,
                "Rapportering av säkerhetsincidenter",
                "Reporting security incidents",
                "Incidenter rapporteras i dag på olika sätt och ofta för sent.",
                "Incidents are reported in different ways today, and often too late.",
                key="incidents",
                text="Säkerhetsincidenter rapporteras till stadens funktion för informationssäkerhet inom 24 "
                "timmar. Alla förvaltningar och bolag har en kontaktperson som nås dygnet runt.",
                text_en="Security incidents are reported to the city's information security function within 24 "
                "hours. Every administration and company has a contact person who can be reached at any hour.",
                months=2,
            ),
            Item(
                DECIDE,
                "Öppen källkod",
                "Open source",
                "Staden betalar för kod som andra kommuner också behöver.",
                "The city pays for code that other municipalities need too.",
                key="open-source",
                text="Kod som staden betalar för publiceras som öppen källkod, om inte säkerheten talar emot det. "
                "Nya avtal ger staden rätt att dela koden.",
                text_en="Code the city pays for is published as open source, unless security speaks against it. New "
                "contracts give the city the right to share the code.",
                months=6,
                pace=1.2,
            ),
        ),
    ),
    Meeting(
        PLACES["kulturhuset"],
        (
            Item(
                DECIDE,
                "Klarspråk i stadens digitala tjänster",
                "Plain language in the city's digital services",
                "Invånare hör av sig för att de inte förstår stadens texter.",
                "Residents get in touch because they do not understand the city's texts.",
                initiatives=("Klarspråk med AI i stadens brev",),
                key="plain-language",
                text="Texter i stadens e-tjänster och på webben skrivs på klarspråk. Nya texter testas med användare "
                "eller med ett verktyg för läsbarhet innan de publiceras.",
                text_en="Texts in the city's e-services and on the web are written in plain language. New texts are "
                "tested with users or with a readability tool before they are published.",
                months=6,
            ),
            Item(
                DECIDE,
                "Digitala nycklar i hemtjänsten",
                "Digital keys in home care",
                "Försöket i Skärholmen sparade tid och gav färre borttappade nycklar.",
                "The trial in Skärholmen saved time and meant fewer lost keys.",
                raised_by="ledamot-wallin",
                initiatives=(
                    "Digitala nycklar för hemtjänsten i Skärholmen",
                    "Programmet Trygg hemma: välfärdsteknik i äldreomsorgen",
                ),
                key="digital-keys",
                text="Hemtjänsten i alla stadsdelar går över till digitala nycklar. Den som inte vill ha ett digitalt "
                "lås får behålla sin vanliga nyckel.",
                text_en="Home care in every district moves to digital keys. Anyone who does not want a digital lock "
                "keeps their ordinary key.",
                months=8,
                scope="valfard-och-omsorg",
            ),
            Item(
                INFO,
                "Driftstopp i sommar",
                "Planned downtime this summer",
                "Stadens nät byggs om i juli. E-tjänsterna är nere i sex timmar under en natt.",
                "The city's network is rebuilt in July. The e-services are down for six hours one night.",
                raised_by="ledamot-dahl",
            ),
        ),
    ),
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                DECIDE,
                "Rättelse av beslutet om molntjänster",
                "Correction of the decision on cloud services",
                "Beslutet om molntjänster sade inget om att föra över data till länder utanför EU. Juristerna har "
                "påpekat det.",
                "The decision on cloud services said nothing about transfers to countries outside the EU. The lawyers "
                "pointed this out.",
                key="cloud-correction",
                corrects="cloud",
                text="Rättelse: Känsliga personuppgifter lagras inom EU och EES. De förs inte heller över till ett "
                "land utanför EU och EES utan stöd i lag. I övrigt gäller det tidigare beslutet.",
                text_en="Correction: sensitive personal data is stored within the EU and EEA. Nor is it transferred "
                "to a country outside the EU and EEA without a legal basis. The earlier decision otherwise stands.",
                months=3,
            ),
            Item(
                DECIDE,
                "Leveranser till det gemensamma e-arkivet",
                "Deliveries to the shared e-archive",
                "Många gamla system stängs utan att handlingarna arkiveras.",
                "Many old systems are closed without their records being archived.",
                initiatives=("Programmet Gemensamt e-arkiv",),
                key="e-archive",
                text="Förvaltningarna lämnar allmänna handlingar från stängda system till stadens gemensamma "
                "e-arkiv. Stadsarkivet gör en plan tillsammans med varje förvaltning.",
                text_en="The administrations deliver public records from closed systems to the city's shared "
                "e-archive. The city archive makes a plan with each administration.",
                months=9,
                scope=(*SPECIALIST, *ALL_DISTRICTS),
                pace=1.1,
            ),
            Item(
                DECIDE,
                "Gemensam felanmälan för hyresgäster",
                "Shared fault reporting for tenants",
                "Hyresgäster i bostadsbolagen möter olika e-tjänster för samma sak.",
                "Tenants of the housing companies meet different e-services for the same thing.",
                raised_by="ledamot-karimi",
                key="tenant-faults",
                text="Bolagen i klustret Bostad och stadsutveckling använder samma e-tjänst för felanmälan. "
                "Hyresgästen kan följa sitt ärende i mobilen.",
                text_en="The companies in the housing and urban development cluster use the same e-service for "
                "fault reports. Tenants can follow their case on their phone.",
                months=6,
                scope="bostad-och-stadsutveckling",
            ),
            Item(
                DECIDE,
                "Riktlinjer för API:er",
                "Guidelines for APIs",
                "Data fastnar i system som staden inte kan hämta ut dem ur.",
                "Data gets stuck in systems the city cannot get it out of.",
                key="api",
                text="Nya system som staden köper eller bygger har öppna och beskrivna API:er. Staden kan hämta ut "
                "sina data utan extra kostnad när avtalet slutar.",
                text_en="New systems the city buys or builds have open, documented APIs. The city can get its data "
                "out at no extra cost when the contract ends.",
                months=6,
            ),
        ),
    ),
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                DECIDE,
                "Mobilen först",
                "Mobile first",
                "Sju av tio besök på stadens webb kommer från en mobil.",
                "Seven in ten visits to the city's website come from a phone.",
                key="mobile-first",
                text="Alla nya e-tjänster fungerar lika bra i mobilen som på datorn. Det gäller allt som staden "
                "bygger eller köper från och med nu.",
                text_en="All new e-services work as well on a phone as on a computer. This applies to everything the "
                "city builds or buys from now on.",
                months=4,
            ),
            Item(
                DECIDE,
                "En plattform för e-tjänster",
                "One platform for e-services",
                "Staden har e-tjänster på sju olika plattformar.",
                "The city has e-services on seven different platforms.",
                initiatives=("Förvaltning av e-tjänsteplattformen",),
                key="e-service-platform",
                text="Nya e-tjänster byggs på stadens gemensamma plattform för e-tjänster. Gamla e-tjänster flyttas "
                "när de ändå ska göras om.",
                text_en="New e-services are built on the city's shared e-service platform. Old e-services move when "
                "they are due to be rebuilt anyway.",
                months=9,
                exemptions=(
                    Exemption(
                        "AB Stokab",
                        "Stokab byggde en egen kundportal förra året. Den används av operatörer, inte av invånare.",
                    ),
                ),
            ),
            Item(
                DECIDE,
                "Försök: AI-stöd i bygglov",
                "Pilot: AI support in building permits",
                "Försöket med AI som granskar ritningar gav lovande resultat.",
                "The trial of AI that reviews drawings gave promising results.",
                initiatives=("AI-granskning av ritningar i bygglov", "Chattbot för frågor om bygglov"),
                key="ai-permits",
                text="Tre förvaltningar prövar AI som granskar ritningar i ansökningar om bygglov. En handläggare "
                "fattar alltid beslutet. Försöket utvärderas efter fyra månader.",
                text_en="Three administrations try AI that reviews drawings in building permit applications. A case "
                "officer always makes the decision. The trial is evaluated after four months.",
                months=4,
                scope=("Stadsbyggnadskontoret", "Exploateringskontoret", "Fastighetskontoret"),
                ballot=Ballot(
                    against=("ledamot-wallin", "ledamot-forsberg"),
                    abstain=("ledamot-dahl",),
                    absent=("ledamot-sjoberg",),
                ),
                pace=0.8,
            ),
            Item(
                DECIDE,
                "Lärdomar från stoppade initiativ",
                "Lessons from stopped initiatives",
                "Det är bra att stoppa i tid. Då ska andra få veta varför.",
                "It is good to stop in time. Then others should learn why.",
                raised_by="enhetschef",
                key="lessons",
                text="Varje initiativ som stoppas skriver ner vad det har lärt sig i stadens lärdomsbank. Det görs "
                "inom en månad efter beslutet att stoppa.",
                text_en="Every initiative that is stopped writes down what it learned in the city's lessons bank. "
                "This is done within a month of the decision to stop.",
                months=3,
            ),
            Item(
                TALK,
                "Budget för gemensamma digitala tjänster nästa år",
                "Budget for shared digital services next year",
                "Kostnaderna för licenser ökar. Hur ska de delas mellan förvaltningar och bolag?",
                "Licence costs are rising. How should they be shared between administrations and companies?",
                raised_by="ledamot-engstrom",
            ),
        ),
    ),
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                DECIDE,
                "Digital hjälp i alla stadsdelar",
                "Digital help in every district",
                "Ungefär sex procent av de vuxna använder sällan eller aldrig internet. Var sjätte behöver hjälp att "
                "installera Mobilt BankID.",
                "About six per cent of adults rarely or never use the internet. One in six needs help to install "
                "Mobile BankID.",
                key="digital-help",
                text="Alla stadsdelar erbjuder digital hjälp minst en gång i veckan, på biblioteket eller i "
                "medborgarkontoret. Där får invånare hjälp med BankID, e-tjänster och digitala möten.",
                text_en="Every district offers digital help at least once a week, at the library or the citizen "
                "office. Residents get help there with BankID, e-services and online meetings.",
                months=6,
                scope=(*ALL_DISTRICTS, "Kulturförvaltningen"),
            ),
            Item(
                DECIDE,
                "Utbildning i informationssäkerhet",
                "Information security training",
                "Många fel beror på misstag. En kort kurs kan göra att de inte händer.",
                "Many incidents come from mistakes that a short course can prevent.",
                key="security-training",
                text="Alla anställda går stadens grundkurs i informationssäkerhet. Chefen ser till att nya "
                "medarbetare går kursen under sin första månad.",
                text_en="All staff take the city's basic course in information security. Managers make sure new "
                "staff take it in their first month.",
                months=4,
            ),
            Item(
                DECIDE,
                "Gemensam bokning för kultur och idrott",
                "Shared booking for culture and sport",
                "Föreningar bokar lokaler i fem olika system.",
                "Clubs book premises in five different systems.",
                raised_by="ledamot-sjoberg",
                initiatives=("Upphandling av bokningssystem för idrottsanläggningar",),
                key="booking",
                text="Klustret Kultur och fritid använder ett gemensamt system för att boka lokaler och "
                "anläggningar. Idrottsförvaltningens upphandling blir grunden.",
                text_en="The culture and leisure cluster uses one shared system for booking premises and venues. The "
                "sports administration's procurement is the basis.",
                months=9,
                scope="kultur-och-fritid",
            ),
            Item(
                DECIDE,
                "Faxen avvecklas",
                "Retiring the fax",
                "Några skickar fortfarande känsliga uppgifter med fax. Det är inte säkert.",
                "Some services still send sensitive information by fax.",
                key="fax",
                text="Staden slutar använda fax. Uppgifter som skickades med fax skickas i stället med säker digital "
                "post.",
                text_en="The city stops using fax. Information that was sent by fax is sent by secure digital mail "
                "instead.",
                months=3,
            ),
        ),
    ),
]

PLANNED = [
    Meeting(
        PLACES["radssalen"],
        (
            Item(
                DECIDE,
                "Digitaliseringsplan för nästa år",
                "Digitalisation plan for next year",
                "Förslaget samlar de gemensamma satsningarna för nästa år, med budget och ansvar.",
                "The proposal gathers next year's shared efforts, with budget and responsibilities.",
            ),
            Item(
                INFO,
                "Lägesrapport: införandet av rådets beslut",
                "Status report: adoption of the council's decisions",
                "Sekreteraren visar hur långt förvaltningar och bolag har kommit, och vilka som är sena.",
                "The secretary shows how far the administrations and companies have come, and which are late.",
                raised_by="sekreterare",
            ),
            Item(
                TALK,
                "Uppföljning av riktlinjerna för AI",
                "Follow-up of the AI guidelines",
                "Hur går det med reglerna för AI? Vad ska vi ändra? Vi tar upp det på mötet.",
                "How is the AI register used? What needs to change?",
                initiatives=("Klarspråk med AI i stadens brev",),
            ),
        ),
    ),
    Meeting(
        PLACES["ovalen"],
        (
            Item(
                TALK,
                "Ett år med två takter",
                "A year of two tempos",
                "Hur har det gått att jobba i två takter? Vad visar siffrorna? Vi går igenom det tillsammans.",
                "How has the way of working gone? What do the portfolio's figures say?",
            ),
            Item(
                DECIDE,
                "Gemensam tjänst för e-underskrift",
                "A shared e-signature service",
                "Flera förvaltningar köper egna tjänster för att skriva under digitalt.",
                "Several administrations buy their own services for signing digitally.",
                initiatives=("Digital signering av anställningsavtal",),
            ),
        ),
        hour=9,
    ),
]

# What ambassadors write when they report a step, chosen in turn.
COMMENTS = {
    "informed": [
        "Informerat ledningsgruppen.",
        "Beslutet är taget upp på ledningsgruppens möte.",
        "Informerat chefer och medarbetare på intranätet.",
        "Beslutet togs upp på arbetsplatsträffarna.",
    ],
    "planned": [
        "Införandet finns med i verksamhetsplanen.",
        "Vi har en plan och en ansvarig.",
        "Planen är klar. Arbetet börjar efter nästa release.",
        "Tid och pengar är avsatta. Vi börjar nästa månad.",
    ],
    "implemented": [
        "Klart. Se länken.",
        "Infört i hela organisationen.",
        "Infört och följt upp med verksamheten.",
        "Klart och beskrivet på intranätet.",
    ],
}
# Some organisations are quick to adopt, some slow: a factor on the time they take (1 is on time on average).
PACE = {
    "Stadsledningskontoret": 0.6,
    "Serviceförvaltningen": 0.65,
    "AB Stokab": 0.7,
    "Stockholm Vatten och Avfall AB": 0.75,
    "Utbildningsförvaltningen": 0.8,
    "Kyrkogårdsförvaltningen": 1.5,
    "Överförmyndarförvaltningen": 1.4,
    "S:t Erik Markutveckling AB": 1.6,
    "Skärholmen stadsdelsförvaltning": 1.35,
    "Stockholm Globe Arena Fastigheter AB": 1.45,
}
EVIDENCE = "https://intranat.stockholm.example"

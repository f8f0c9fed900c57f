"""The open-data catalogue at Stockholm scale, for the generator (`tvatakt generate`): 20,000 datasets at scale 1.

Each generated dataset is one subject (air quality, playgrounds, payments to suppliers…) for a place and a year,
published by the organisation that owns the subject (a district's own subjects by its administration) and made
by that organisation's demo data publisher. Two to four keywords come from a fixed vocabulary of about 200, so
that the keyword facet looks like a real catalogue's. Every dataset is drawn from its own seeded random source,
so an index gives the same dataset however the runs are cut. Inserted in bulk: the search index follows by
itself (SQLite's FTS5 triggers, PostgreSQL's generated column). A name made already is skipped.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tvatakt.demo import city
from tvatakt.demo.catalogue import CONTACTS, FRESH, distribution_fields
from tvatakt.demo.generator import GENERATED_PREFIX, Advance, batched
from tvatakt.opendata import vocab
from tvatakt.opendata.choices import DatasetState
from tvatakt.opendata.models import Dataset, Distribution, Keyword
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation, RoleAssignment

SEED = 20261201
DISTRICT = "district"  # a subject each district administration publishes for itself
DRAFT_SHARE = 0.03
CC_BY_SHARE = 0.15
FIRST_ISSUED = 2012  # the year the city's open-data portal opened
CITY_SHARE = 0.3  # of the subjects that are not the districts' own, the share that covers the whole city


@dataclass(frozen=True)
class Subject:
    publisher: str  # an organisation name, or DISTRICT
    title: str
    title_en: str
    description: str
    description_en: str
    keywords: tuple[str, ...]
    themes: tuple[str, ...]
    frequency: str
    formats: tuple[str, ...]  # catalogue.FORMS keys, the main one first
    years: tuple[int, int] = (2008, 2025)
    city_only: bool = False


S = Subject
SUBJECTS = [
    S("Stadsledningskontoret", "Befolkning", "Population",
      "Antal invånare per ålder och kön.", "Residents by age and sex.",
      ("befolkning", "invånare", "ålder", "kön"), ("SOCI",), "ANNUAL", ("CSV", "XLSX")),
    S("Stadsledningskontoret", "Flyttningar", "Migration",
      "Hur många som har flyttat in och ut, per ålder.", "How many moved in and out, by age.",
      ("flyttningar", "inflyttning", "utflyttning", "befolkning"), ("SOCI",), "ANNUAL",
      ("CSV", "XLSX")),
    S("Stadsledningskontoret", "Födda och döda", "Births and deaths",
      "Antal födda och döda per månad.", "Births and deaths per month.",
      ("födda", "döda", "befolkning", "folkhälsa"), ("SOCI", "HEAL"), "ANNUAL", ("CSV",)),
    S("Stadsledningskontoret", "Hushåll efter storlek", "Households by size",
      "Antal hushåll efter antal personer och barn.", "Households by number of people and children.",
      ("hushåll", "barnfamiljer", "boende", "statistik"), ("SOCI",), "ANNUAL", ("CSV", "XLSX")),
    S("Stadsledningskontoret", "Valdeltagande", "Voter turnout",
      "Andel röstberättigade som röstade, per valdistrikt.", "Share of voters who voted, by polling district.",
      ("val", "valdeltagande", "demokrati", "valdistrikt"), ("GOVE", "SOCI"), "IRREG",
      ("CSV", "XLSX", "GEOJSON"), (2002, 2022)),
    S("Stadsledningskontoret", "Inkomster", "Incomes",
      "Medianinkomst och inkomst per person, efter ålder och kön.", "Median income and income per person.",
      ("inkomst", "hushållsekonomi", "löner", "statistik"), ("SOCI", "ECON"), "ANNUAL",
      ("CSV", "XLSX")),
    S("Stadsledningskontoret", "Budget och utfall", "Budget and outcome",
      "Budget och utfall per verksamhet och månad.", "Budget and outcome per activity and month.",
      ("budget", "utfall", "ekonomi", "nämnder"), ("ECON", "GOVE"), "MONTHLY", ("CSV", "XLSX", "PDF")),
    S("Stadsledningskontoret", "Utbetalningar till leverantörer", "Payments to suppliers",
      "Betalningar till leverantörer med belopp och konto. Betalningar till privatpersoner visas inte.",
      "Payments to suppliers with amount and account. Payments to private persons are left out.",
      ("leverantörer", "utbetalningar", "insyn", "ekonomi"), ("ECON", "GOVE"), "MONTHLY", ("CSV", "XLSX")),
    S("Stadsledningskontoret", "Upphandlingar", "Procurements",
      "Annonserade upphandlingar med sista dag för anbud och vinnande anbud.",
      "Advertised procurements with closing dates and winning tenders.",
      ("upphandling", "anbud", "avtal", "LOU"), ("ECON", "GOVE"), "WEEKLY", ("API", "CSV")),
    S(DISTRICT, "Lekplatser", "Playgrounds",
      "Lekplatser med adress, ålder de passar för och tillgänglighet.",
      "Playgrounds with address, the ages they suit and accessibility.",
      ("lekplatser", "barn", "lek", "parker"), ("SOCI", "REGI"), "ANNUAL", ("GEOJSON", "CSV")),
    S(DISTRICT, "Parker och grönytor", "Parks and green spaces",
      "Parker och grönytor med yta och skötselnivå.", "Parks and green spaces with area and level of upkeep.",
      ("parker", "grönytor", "natur", "friluftsliv"), ("ENVI", "REGI"), "ANNUAL",
      ("GEOJSON", "ZIP")),
    S(DISTRICT, "Förskolor", "Preschools",
      "Förskolor med adress, antal barn och öppettider.", "Preschools with address, number of children and hours.",
      ("förskola", "barn", "förskoleplats", "pedagogik"), ("EDUC",), "ANNUAL", ("CSV", "GEOJSON")),
    S(DISTRICT, "Parklekar och öppna förskolor", "Staffed playgrounds and open preschools",
      "Parklekar och öppna förskolor med öppettider och aktiviteter.",
      "Staffed playgrounds and open preschools with opening hours and activities.",
      ("parklek", "öppen förskola", "barn", "lek"), ("EDUC", "SOCI"), "MONTHLY", ("GEOJSON", "CSV")),
    S(DISTRICT, "Felanmälningar om parker och gator", "Fault reports on parks and streets",
      "Felanmälningar per ämne och månad, med hur snabbt de åtgärdades.",
      "Fault reports by subject and month, with how soon they were fixed.",
      ("felanmälan", "skötsel", "parker", "gator"), ("REGI", "GOVE"), "MONTHLY", ("CSV",)),
    S(DISTRICT, "Besök på medborgarkontoret", "Visits to the citizen office",
      "Antal besök och samtal per månad och ämne.", "Visits and calls per month and subject.",
      ("medborgarkontor", "service", "besök", "e-tjänster"), ("GOVE",), "MONTHLY", ("CSV", "XLSX")),
    S(DISTRICT, "Fritidsgårdar", "Youth centres",
      "Besök på fritidsgårdarna per vecka, ålder och kön.", "Visits to the youth centres per week, age and sex.",
      ("fritidsgårdar", "unga", "fritid", "besök"), ("SOCI", "EDUC"), "MONTHLY", ("CSV",)),
    S("Miljöförvaltningen", "Luftkvalitet", "Air quality",
      "Halter av kvävedioxid, partiklar och ozon per timme.", "Nitrogen dioxide, particles and ozone per hour.",
      ("luftkvalitet", "kvävedioxid", "partiklar", "ozon"), ("ENVI", "HEAL"), "HOURLY",
      ("API", "CSV", "XLSX")),
    S("Miljöförvaltningen", "Bullermätningar", "Noise measurements",
      "Uppmätt buller i decibel, per mätpunkt och dygn.", "Measured noise in decibels, per point and day.",
      ("buller", "decibel", "trafikbuller", "hälsa"), ("ENVI", "HEAL"), "MONTHLY", ("CSV", "GEOJSON")),
    S("Miljöförvaltningen", "Badvattenprover", "Bathing water samples",
      "Provsvar för bakterier vid strandbaden under sommaren.", "Bacteria results at the beaches in summer.",
      ("badvatten", "strandbad", "bakterier", "sommar"), ("ENVI", "HEAL"), "WEEKLY", ("CSV", "API")),
    S("Miljöförvaltningen", "Miljötillsyn", "Environmental inspections",
      "Inspektioner av verksamheter som kan skada miljön.", "Inspections of businesses that may harm the environment.",
      ("tillsyn", "miljöskydd", "inspektioner", "kemikalier"), ("ENVI", "JUST"), "MONTHLY", ("CSV",)),
    S("Miljöförvaltningen", "Livsmedelskontroller", "Food inspections",
      "Kontroller av restauranger och butiker, med resultat.", "Inspections of restaurants and shops, with results.",
      ("livsmedel", "kontroller", "restauranger", "hygien"), ("HEAL", "AGRI"), "MONTHLY", ("CSV", "JSON")),
    S("Miljöförvaltningen", "Växthusgaser", "Greenhouse gases",
      "Utsläpp av växthusgaser per sektor och månad.", "Greenhouse gas emissions by sector and month.",
      ("klimat", "växthusgaser", "utsläpp", "hållbarhet"), ("ENVI", "ENER"), "ANNUAL", ("CSV", "XLSX")),
    S("Trafikkontoret", "Trafikflöden", "Traffic counts",
      "Antal fordon per dygn vid stadens mätpunkter.", "Vehicles per day at the city's measuring points.",
      ("trafik", "trafikflöden", "fordon", "mätningar"), ("TRAN",), "DAILY", ("CSV", "API", "GEOJSON")),
    S("Trafikkontoret", "Cykelflöden", "Bicycle counts",
      "Antal cyklister per timme vid stadens cykelräknare.", "Cyclists per hour at the city's bicycle counters.",
      ("cykel", "cykelflöden", "cykelräknare", "cykelstråk"), ("TRAN",), "DAILY", ("CSV", "JSON")),
    S("Trafikkontoret", "Gatuarbeten", "Street works",
      "Gatuarbeten med datum, ansvarig och påverkan på trafiken.",
      "Street works with dates, who is responsible and the effect on traffic.",
      ("gatuarbeten", "vägarbeten", "framkomlighet", "avstängningar"), ("TRAN",), "DAILY", ("GEOJSON", "CSV")),
    S("Trafikkontoret", "Parkeringsplatser", "Parking spaces",
      "Parkeringsplatser på gatan med taxa och tider.", "On-street parking spaces with charges and times.",
      ("parkering", "taxor", "boendeparkering", "gatumark"), ("TRAN",), "WEEKLY", ("GEOJSON", "CSV")),
    S("Trafikkontoret", "Snöröjning", "Snow clearing",
      "Plogade och sandade gator per dygn under vintern.", "Streets ploughed and gritted per day in winter.",
      ("snöröjning", "vinter", "halkbekämpning", "plogning"), ("TRAN",), "DAILY",
      ("GEOJSON", "API")),
    S("Trafikkontoret", "Stadsträd", "City trees",
      "Träd längs gator och i parker, med art och planteringsår.",
      "Trees along streets and in parks, with species and year planted.",
      ("träd", "stadsträd", "grönska", "trädvård"), ("ENVI", "REGI"), "ANNUAL",
      ("GEOJSON", "CSV")),
    S("Trafikkontoret", "Trafikolyckor", "Road accidents",
      "Olyckor med personskador, per plats och månad.", "Accidents with injuries, by place and month.",
      ("trafiksäkerhet", "olyckor", "skador", "fotgängare"), ("TRAN", "JUST"), "ANNUAL", ("CSV", "XLSX")),
    S("Trafikkontoret", "Gatubelysning", "Street lighting",
      "Belysningsstolpar med typ av lampa och energi per år.", "Street lights with lamp type and energy per year.",
      ("belysning", "gatubelysning", "energi", "trygghet"), ("ENER", "REGI"), "ANNUAL", ("GEOJSON", "CSV")),
    S("Utbildningsförvaltningen", "Grundskolor", "Compulsory schools",
      "Grundskolor med antal elever och lärare per årskurs.", "Compulsory schools with pupils and teachers per year.",
      ("grundskola", "elever", "skolval", "lärare"), ("EDUC",), "ANNUAL", ("CSV", "GEOJSON", "API")),
    S("Utbildningsförvaltningen", "Betyg och meritvärden", "Grades and merit ratings",
      "Meritvärden och andel godkända elever per skola.", "Merit ratings and share of pupils passing, by school.",
      ("betyg", "meritvärde", "resultat", "elever"), ("EDUC",), "ANNUAL", ("CSV", "XLSX")),
    S("Utbildningsförvaltningen", "Elevenkät", "Pupil survey",
      "Elevernas svar om trygghet, studiero och trivsel.", "Pupils' answers on safety, calm and well-being.",
      ("enkät", "trygghet", "studiero", "elever"), ("EDUC",), "ANNUAL", ("CSV", "XLSX", "PDF")),
    S("Utbildningsförvaltningen", "Gymnasieantagning", "Upper secondary admissions",
      "Sökande och antagna per gymnasieprogram, med lägsta poäng.",
      "Applicants and admissions per upper secondary programme, with the lowest score.",
      ("gymnasium", "antagning", "program", "elever"), ("EDUC",), "ANNUAL", ("CSV", "XLSX")),
    S("Stadsbyggnadskontoret", "Bygglovsbeslut", "Building permit decisions",
      "Beslut om bygglov med fastighet och åtgärd.", "Building permit decisions with property and work.",
      ("bygglov", "beslut", "fastigheter", "byggande"), ("REGI", "GOVE"), "WEEKLY", ("CSV", "API")),
    S("Stadsbyggnadskontoret", "Detaljplaner", "Local plans",
      "Detaljplaner med gränser och planbeskrivning.", "Local plans with boundaries and plan description.",
      ("detaljplaner", "stadsplanering", "karta", "geodata"), ("REGI",), "MONTHLY", ("GEOJSON", "PDF", "ZIP")),
    S("Stadsbyggnadskontoret", "Nya bostäder", "New homes",
      "Påbörjade och färdiga bostäder per kvartal.", "Homes started and completed per quarter.",
      ("bostäder", "byggande", "lägenheter", "bostadsbyggande"), ("SOCI", "REGI"), "QUARTERLY", ("CSV", "XLSX")),
    S("Stadsbyggnadskontoret", "Byggnader och adresser", "Buildings and addresses",
      "Byggnader med adress, byggår och användning.", "Buildings with address, year built and use.",
      ("byggnader", "adresser", "geodata", "kvarter"), ("REGI",), "MONTHLY", ("GEOJSON", "CSV", "ZIP")),
    S("Stockholm Vatten och Avfall AB", "Insamlat hushållsavfall", "Household waste collected",
      "Ton avfall per slag och månad.", "Tonnes of waste by kind and month.",
      ("avfall", "matavfall", "återvinning", "sophämtning"), ("ENVI",), "MONTHLY", ("CSV", "XLSX")),
    S("Stockholm Vatten och Avfall AB", "Vattenförbrukning", "Water use",
      "Förbrukat vatten per månad och typ av kund.", "Water used per month and kind of customer.",
      ("vatten", "förbrukning", "dricksvatten", "hållbarhet"), ("ENVI",), "MONTHLY", ("CSV",)),
    S("Stockholm Vatten och Avfall AB", "Dricksvattenprover", "Drinking water samples",
      "Provsvar från kontrollen av dricksvattnet.", "Results from the monitoring of drinking water.",
      ("dricksvatten", "vattenkvalitet", "provtagning", "vattenverk"), ("HEAL", "ENVI"), "MONTHLY", ("CSV", "PDF")),
    S("Stockholm Vatten och Avfall AB", "Dagvatten och skyfall", "Stormwater and cloudbursts",
      "Nivåer i dagvattenbrunnar och platser som svämmar över vid skyfall.",
      "Levels in stormwater drains and places that flood in cloudbursts.",
      ("dagvatten", "skyfall", "översvämning", "klimatanpassning"), ("ENVI", "TECH"), "CONT",
      ("API", "GEOJSON")),
    S("Kulturförvaltningen", "Bibliotekslån", "Library loans",
      "Lån och e-lån per bibliotek och månad.", "Loans and e-loans per library and month.",
      ("bibliotek", "lån", "böcker", "läsning"), ("EDUC",), "MONTHLY", ("CSV", "XLSX")),
    S("Kulturförvaltningen", "Kulturevenemang", "Cultural events",
      "Konserter, teater och utställningar med plats och datum.", "Concerts, theatre and exhibitions, by place.",
      ("kultur", "evenemang", "konserter", "teater"), ("EDUC",), "DAILY", ("API", "JSON")),
    S("Kulturförvaltningen", "Offentlig konst", "Public art",
      "Konstverk i parker, på torg och i tunnelbanan, med konstnär och år.",
      "Art in parks, squares and the metro, with artist and year.",
      ("konst", "skulpturer", "kulturmiljö", "tunnelbanan"), ("EDUC",), "IRREG", ("GEOJSON", "CSV")),
    S("Idrottsförvaltningen", "Bokningar av idrottsanläggningar", "Sports facility bookings",
      "Bokade timmar per anläggning, vecka och förening.", "Hours booked per facility, week and club.",
      ("idrott", "bokning", "idrottshallar", "föreningar"), ("EDUC", "HEAL"), "WEEKLY", ("CSV", "API")),
    S("Idrottsförvaltningen", "Besök i simhallar och utegym", "Visits to pools and outdoor gyms",
      "Besök per anläggning och månad.", "Visits per facility and month.",
      ("simhallar", "utegym", "motion", "besök"), ("EDUC", "HEAL"), "MONTHLY", ("CSV",)),
    S("Fastighetskontoret", "Energianvändning i stadens lokaler", "Energy use in city premises",
      "El, värme och kyla per byggnad och månad.", "Electricity, heating and cooling per building and month.",
      ("energi", "el", "fjärrvärme", "klimat"), ("ENER",), "MONTHLY", ("CSV", "XLSX")),
    S("Socialförvaltningen", "Ekonomiskt bistånd", "Financial assistance",
      "Hushåll med ekonomiskt bistånd per månad.", "Households receiving financial assistance per month.",
      ("ekonomiskt bistånd", "socialtjänst", "hushåll", "försörjningsstöd"), ("SOCI", "ECON"), "MONTHLY",
      ("CSV", "XLSX")),
    S("Äldreförvaltningen", "Hemtjänst och särskilt boende", "Home care and care homes",
      "Antal brukare i hemtjänst och särskilt boende, med vad de tycker.",
      "Users of home care and care homes, with what they think.",
      ("äldreomsorg", "hemtjänst", "omsorg", "brukare"), ("SOCI", "HEAL"), "ANNUAL", ("CSV", "XLSX")),
    S("Arbetsmarknadsförvaltningen", "Jobbtorg", "Job centres",
      "Deltagare i Jobbtorg och hur många som fått arbete.", "Job centre participants and how many found work.",
      ("arbetsmarknad", "sysselsättning", "jobbtorg", "SFI"), ("SOCI", "ECON"), "QUARTERLY", ("CSV",)),
    S("Stockholms Hamn AB", "Fartygsanlöp", "Ship calls",
      "Fartyg som anlöpt hamnen, med passagerare och gods.", "Ships calling at the port, with passengers and goods.",
      ("hamn", "fartyg", "passagerare", "kryssning"), ("TRAN", "ECON"), "DAILY", ("CSV", "API"),
      city_only=True),
    S("Stockholm Business Region AB", "Gästnätter", "Guest nights",
      "Gästnätter på hotell och vandrarhem per månad och land.", "Guest nights in hotels and hostels by month.",
      ("turism", "besöksnäring", "hotell", "evenemang"), ("ECON",), "MONTHLY", ("CSV", "XLSX"), city_only=True),
    S("Stockholm Business Region AB", "Nya företag", "New businesses",
      "Nystartade företag per bransch och kvartal.", "New businesses per industry and quarter.",
      ("företag", "näringsliv", "nyföretagande", "branscher"), ("ECON",), "QUARTERLY", ("CSV",)),
    S("Stockholm Parkering AB", "Beläggning i parkeringsgarage", "Car park occupancy",
      "Andel upptagna platser per garage och timme.", "Share of occupied spaces per car park and hour.",
      ("parkering", "garage", "beläggning", "laddplatser"), ("TRAN",), "HOURLY", ("API", "CSV")),
    S("Stadsarkivet", "Mantalsuppgifter", "Poll-tax records",
      "Avskrifter av mantalslängderna, per hushåll och kvarter.", "Transcribed poll-tax registers, by household.",
      ("mantalslängder", "släktforskning", "historia", "arkiv"), ("SOCI",), "NEVER", ("CSV", "XLSX"), (1800, 1925),
      city_only=True),
    S("Stadsarkivet", "Bouppteckningar", "Estate inventories",
      "Register över bouppteckningar med namn och dödsår.", "Register of estate inventories with names and years.",
      ("bouppteckningar", "släktforskning", "arv", "arkiv"), ("SOCI", "JUST"), "NEVER", ("CSV",), (1700, 1920),
      city_only=True),
    S("Stadsarkivet", "Rådhusrättens domböcker", "Records of the magistrates' court",
      "Register över mål i rådhusrätten med parter och dom.", "Register of cases in the magistrates' court.",
      ("domböcker", "rättshistoria", "arkiv", "historia"), ("JUST",), "NEVER", ("CSV", "PDF"), (1750, 1920),
      city_only=True),
]  # fmt: skip
DISTRICTS = [(district, f"{district} stadsdelsförvaltning") for district in city.DISTRICTS]


def vocabulary() -> list[str]:
    """The subjects' keywords and the districts' names: about 200."""
    return sorted({word for subject in SUBJECTS for word in subject.keywords} | set(city.DISTRICTS))


def done() -> int:
    return Dataset.objects.filter(name__startswith=GENERATED_PREFIX).count()


def generate(start: int, stop: int, advance: Advance) -> None:
    keywords = _keywords()
    organisations = dict(Organisation.objects.values_list("name", "pk"))
    slugs = dict(Organisation.objects.values_list("pk", "slug"))
    publishers = _publishers()
    today = timezone.localdate()
    for chunk in batched(range(start, stop)):
        names = [f"{GENERATED_PREFIX}{index:07d}" for index in chunk]
        taken = set(Dataset.objects.filter(name__in=names).values_list("name", flat=True))
        rows = [
            _row(index, today, organisations, slugs, publishers)
            for index in chunk
            if f"{GENERATED_PREFIX}{index:07d}" not in taken
        ]
        with transaction.atomic():
            datasets = Dataset.objects.bulk_create([dataset for dataset, *_rest in rows], batch_size=500)
            if datasets and not datasets[0].pk:  # backends that do not return keys from bulk_create
                pks = dict(Dataset.objects.filter(name__in=names).values_list("name", "pk"))
                for dataset in datasets:
                    dataset.pk = pks[dataset.name]
            themes, tags, files = [], [], []
            for dataset, codes, words, distributions in rows:
                themes += [Dataset.themes.through(dataset_id=dataset.pk, theme_id=code) for code in codes]
                tags += [Dataset.keywords.through(dataset_id=dataset.pk, keyword_id=keywords[word]) for word in words]
                for distribution in distributions:
                    distribution.dataset_id = dataset.pk
                files += distributions
            Dataset.themes.through.objects.bulk_create(themes, batch_size=1000)
            Dataset.keywords.through.objects.bulk_create(tags, batch_size=1000)
            Distribution.objects.bulk_create(files, batch_size=500)
        advance(len(chunk))


def _keywords() -> dict[str, int]:
    """The vocabulary's keyword rows, made once; a keyword the demo or a publisher made already is reused."""
    words = vocabulary()
    Keyword.objects.bulk_create([Keyword(name=word) for word in words], ignore_conflicts=True)
    return dict(Keyword.objects.filter(name__in=words).values_list("name", "pk"))


def _publishers() -> dict[int, int]:
    """Each organisation's data publisher: the demo's (made by the demo catalogue) before any generated one."""
    rows = (
        RoleAssignment.objects.active()
        .filter(role=Role.DATA_PUBLISHER)
        .order_by("pk")
        .values_list("organisation_id", "person_id", "person__username")
    )
    found: dict[int, tuple[int, bool]] = {}
    for organisation, person, username in rows:
        generated = username.startswith(GENERATED_PREFIX)
        if organisation not in found or (found[organisation][1] and not generated):
            found[organisation] = (person, generated)
    return {organisation: person for organisation, (person, _generated) in found.items()}


def _row(index: int, today: datetime.date, organisations: dict, slugs: dict, publishers: dict):
    """(dataset, theme codes, keywords, distributions) for the dataset at `index`."""
    rng = random.Random(SEED * 1_000_003 + index)
    subject = rng.choice(SUBJECTS)
    district = None
    if subject.publisher == DISTRICT or (not subject.city_only and rng.random() > CITY_SHARE):
        district = rng.choice(DISTRICTS)
    publisher_name = district[1] if subject.publisher == DISTRICT else subject.publisher
    publisher = organisations.get(publisher_name) or next(iter(organisations.values()))
    name = f"{GENERATED_PREFIX}{index:07d}"
    year = rng.randint(*subject.years)
    dated = subject.frequency == "NEVER" or rng.random() < 0.6  # one year's data, or a series still growing
    place, place_en, where, where_en = "i Stockholm", "in Stockholm", "hela staden", "the whole city"
    if district:
        place, place_en = f"i {district[0]}", f"in {district[0]}"
        where, where_en = f"{district[0]} stadsdelsområde", f"the {district[0]} district"
    if dated:
        title, title_en = f"{subject.title} {place}, {year}", f"{subject.title_en} {place_en}, {year}"
        when, when_en = f"år {year}", f"in {year}"
        covers = (datetime.date(year, 1, 1), datetime.date(year, 12, 31))
    else:
        title, title_en = f"{subject.title} {place}", f"{subject.title_en} {place_en}"
        when, when_en = f"från {year} och framåt", f"from {year} onwards"
        covers = (datetime.date(year, 1, 1), None)
    issued_year = year + 1 if dated else year
    if issued_year < FIRST_ISSUED:  # old records came out when the catalogue began
        issued_year = rng.randint(FIRST_ISSUED, 2025)
    draft = rng.random() < DRAFT_SHARE
    issued = min(datetime.date(min(issued_year, today.year), rng.randint(1, 12), rng.randint(1, 28)), today)
    modified = min(issued + datetime.timedelta(days=rng.randint(0, 400)), today)
    if not dated:  # a series still growing changed about as recently as it is updated
        modified = max(issued, today - datetime.timedelta(days=FRESH.get(subject.frequency, 200) + rng.randint(0, 9)))
    contact = CONTACTS.get(publisher_name) or (publisher_name, f"oppnadata@{slugs[publisher]}.demo.example.org")
    words = rng.sample(subject.keywords, rng.randint(2, min(4, len(subject.keywords))))
    if district and len(words) < 4:
        words.append(district[0])
    dataset = Dataset(
        name=name, title=title, title_en=title_en, publisher_id=publisher,
        description=f"{subject.description} Uppgifterna gäller {where} {when}.",
        description_en=f"{subject.description_en} The data covers {where_en} {when_en}.",
        contact_name=contact[0], contact_email=contact[1], keywords_text=" ".join(words),
        licence=vocab.CC_BY if rng.random() < CC_BY_SHARE else vocab.CC0,
        frequency="NEVER" if dated else subject.frequency, temporal_start=covers[0], temporal_end=covers[1],
        issued=None if draft else issued, modified=None if draft else modified,
        state=DatasetState.DRAFT if draft else DatasetState.PUBLIC, created_by_id=publishers.get(publisher),
    )  # fmt: skip
    codes = sorted({*subject.themes, *(("REGI",) if district and len(subject.themes) == 1 else ())})
    distributions = []
    for position, code in enumerate(subject.formats[: rng.randint(1, len(subject.formats))]):
        fields = distribution_fields(name, code)
        file_type = vocab.FILE_TYPE[fields["format"]]
        distributions.append(
            Distribution(
                position=position,
                media_type=file_type.media_type,
                byte_size=int(10 ** rng.uniform(3.5, 8.5)) if fields.get("download_url") else None,
                **fields,
            )
        )
    return dataset, codes, words, distributions

"""The demo's open-data catalogue: about 150 datasets of the kind Stockholm publishes, two APIs that serve some
of them, and the demo initiatives that use them. Idempotent, like the rest of the demo.

Stockholm holds a third of Sweden's open data, so the catalogue is large: about a hundred datasets written out,
and series made from short tables (population and preschools per district, one dataset a year for readings).
Each is made through the services by its organisation's data publisher, so the rules apply: a demo person
per publishing organisation ("data-<slug>"; Stadsarkivet's is the log-in "datapublicerare"). Three stay drafts,
to show publishers theirs. Every address is under the demo portal, never a real host.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from tvatakt.core.audit import save_as
from tvatakt.demo import city
from tvatakt.opendata import services, vocab
from tvatakt.opendata.models import DataService, Dataset, DatasetUse
from tvatakt.organisation.choices import Role
from tvatakt.organisation.models import Organisation, Person, RoleAssignment
from tvatakt.portfolio.models import Initiative

SITE = "https://dataportal.demo.example.org"
D = datetime.date
CC0, CC_BY = vocab.CC0, vocab.CC_BY
PUBLISHER_SINCE = D(2024, 1, 1)

ARKIV, MILJO, TRAFIK = "Stadsarkivet", "Miljöförvaltningen", "Trafikkontoret"
UTB, SLK, SBK = "Utbildningsförvaltningen", "Stadsledningskontoret", "Stadsbyggnadskontoret"
SVOA, KULTUR, IDROTT = "Stockholm Vatten och Avfall AB", "Kulturförvaltningen", "Idrottsförvaltningen"
SOCIAL, ALDRE, FASTIGHET = "Socialförvaltningen", "Äldreförvaltningen", "Fastighetskontoret"
EXPLO, KYRKO, PARKERING = "Exploateringskontoret", "Kyrkogårdsförvaltningen", "Stockholm Parkering AB"
HAMN, STOKAB, BOSTAD = "Stockholms Hamn AB", "AB Stokab", "Bostadsförmedlingen i Stockholm AB"
ARBETS, SBR, SISAB = "Arbetsmarknadsförvaltningen", "Stockholm Business Region AB", "Skolfastigheter i Stockholm AB"
SERVICE = "Serviceförvaltningen"

# Who answers questions about an organisation's data: a function's mailbox, never a person's.
CONTACTS = {
    ARKIV: ("Stadsarkivet, öppna data", "oppnadata@stadsarkivet.demo.example.org"),
    MILJO: ("Miljöförvaltningen, miljöanalys", "miljoanalys@miljo.demo.example.org"),
    TRAFIK: ("Trafikkontoret, trafikdata", "trafikdata@trafik.demo.example.org"),
    UTB: ("Utbildningsförvaltningen, statistik", "statistik@utbildning.demo.example.org"),
    SLK: ("Stadsledningskontoret, statistik", "statistik@slk.demo.example.org"),
    SBK: ("Stadsbyggnadskontoret, geodata", "geodata@sbk.demo.example.org"),
    SVOA: ("Stockholm Vatten och Avfall, kundservice", "kundservice@svoa.demo.example.org"),
    KULTUR: ("Kulturförvaltningen, öppna data", "oppnadata@kultur.demo.example.org"),
    IDROTT: ("Idrottsförvaltningen, anläggningar", "anlaggningar@idrott.demo.example.org"),
    SOCIAL: ("Socialförvaltningen, statistik", "statistik@social.demo.example.org"),
    ALDRE: ("Äldreförvaltningen, kvalitet", "kvalitet@aldre.demo.example.org"),
    FASTIGHET: ("Fastighetskontoret, fastighetsdata", "fastighetsdata@fastighet.demo.example.org"),
    EXPLO: ("Exploateringskontoret, markanvisning", "markanvisning@exploatering.demo.example.org"),
    KYRKO: ("Kyrkogårdsförvaltningen", "kyrkogardar@kyrkogard.demo.example.org"),
    PARKERING: ("Stockholm Parkering, kundservice", "kundservice@parkering.demo.example.org"),
    HAMN: ("Stockholms Hamnar, trafik", "trafik@hamnar.demo.example.org"),
    STOKAB: ("Stokab, nätet", "natet@stokab.demo.example.org"),
    BOSTAD: ("Bostadsförmedlingen, statistik", "statistik@bostad.demo.example.org"),
    ARBETS: ("Arbetsmarknadsförvaltningen, uppföljning", "uppfoljning@arbetsmarknad.demo.example.org"),
    SBR: ("Stockholm Business Region, analys", "analys@sbr.demo.example.org"),
    SISAB: ("SISAB, energi", "energi@sisab.demo.example.org"),
    SERVICE: ("Serviceförvaltningen, kontaktcenter", "kontaktcenter@service.demo.example.org"),
}
LUFT = ("Miljöförvaltningen, luft", "luft@miljo.demo.example.org")
EKONOMI = ("Stadsledningskontoret, ekonomi", "ekonomi@slk.demo.example.org")

# Distribution kinds: (file type, Swedish title, English title, file ending; None for an API link).
FORMS = {
    "CSV": ("CSV", "Hela datamängden som CSV", "The whole dataset as CSV", ".csv"),
    "JSON": ("JSON", "Hela datamängden som JSON", "The whole dataset as JSON", ".json"),
    "XML": ("XML", "Hela datamängden som XML", "The whole dataset as XML", ".xml"),
    "GEOJSON": ("GEOJSON", "Karta som GeoJSON", "Map as GeoJSON", ".geojson"),
    "XLSX": ("XLSX", "Tabell i Excel", "Table in Excel", ".xlsx"),
    "PDF": ("PDF", "Dokument som PDF", "Document as PDF", ".pdf"),
    "ZIP": ("ZIP", "Alla filer i ett ZIP-arkiv", "All files in a ZIP archive", ".zip"),
    "API": ("JSON", "Öppet API (JSON)", "Open API (JSON)", None),
}

# How long ago data of each update frequency last changed, in days: the demo looks current on any day.
FRESH = {"CONT": 0, "UPDATE_CONT": 0, "HOURLY": 0, "DAILY": 1, "WEEKLY": 3, "MONTHLY": 12, "QUARTERLY": 40,
         "ANNUAL_2": 80, "ANNUAL": 150, "BIENNIAL": 300, "IRREG": 200}  # fmt: skip


@dataclass(frozen=True)
class Entry:
    name: str
    publisher: str  # organisation name
    title: str
    title_en: str
    description: str
    description_en: str
    keywords: str
    themes: str  # EU theme codes, space-separated
    frequency: str
    formats: str  # FORMS keys, space-separated; the first is the main one
    issued: datetime.date | None  # None for a draft: publishing dates it
    covers: tuple[datetime.date | None, datetime.date | None] = (None, None)
    licence: str = CC0
    contact: tuple[str, str] | None = None  # None: the organisation's
    draft: bool = False


E = Entry
WRITTEN = [
    # Stadsarkivet: the registers genealogists and researchers ask for most.
    E("rotemansarkivet", ARKIV, "Rotemansarkivet: Stockholms invånare 1878–1926",
      "The Roteman archive: Stockholm's residents 1878–1926",
      "Rotemansarkivet är stadens folkregister från 1878 till 1926. Här finns namn, födelseår, yrke och adress för "
      "alla som bodde i staden. Frivilliga har skrivit av registret.",
      "The city's population register from 1878 to 1926: name, year of birth, occupation and address of everyone "
      "who lived in Stockholm. Transcribed by volunteers.",
      "rotemansarkivet, släktforskning, folkbokföring, historia", "SOCI EDUC", "IRREG", "CSV API", D(2019, 3, 12),
      (D(1878, 1, 1), D(1926, 12, 31))),
    E("mantalsregister-1800-1884", ARKIV, "Mantalsregister 1800–1884", "Poll-tax registers 1800–1884",
      "Mantalslängderna visar vilka som bodde i varje hushåll och skulle betala skatt. Registret har ett utdrag "
      "per år och kvarter.",
      "The poll-tax registers show who lived in each household and owed tax, with one extract per year and block.",
      "mantalslängder, släktforskning, skatt, historia", "SOCI", "NEVER", "CSV XLSX", D(2020, 5, 4),
      (D(1800, 1, 1), D(1884, 12, 31))),
    E("bouppteckningsregister", ARKIV, "Bouppteckningsregister 1700–1920", "Register of estate inventories 1700–1920",
      "En bouppteckning visar vad en person ägde och var skyldig när hen dog. Registret ger namn, dödsår och var "
      "bouppteckningen finns i arkivet.",
      "An estate inventory lists what a person owned and owed at death. The register gives the name, the year of "
      "death and where the inventory is kept.",
      "bouppteckningar, släktforskning, arv, historia", "SOCI JUST", "IRREG", "CSV", D(2018, 11, 20),
      (D(1700, 1, 1), D(1920, 12, 31))),
    E("fattigvardens-register", ARKIV, "Fattigvårdens register 1800–1920", "Poor relief registers 1800–1920",
      "Fattigvården hjälpte dem som inte kunde försörja sig. Registret visar vem som fick hjälp, när och vilken "
      "sorts hjälp det var.",
      "Poor relief helped those who could not support themselves. The register shows who was helped, when, and "
      "with what.",
      "fattigvård, socialhistoria, släktforskning", "SOCI", "NEVER", "CSV", D(2021, 10, 5),
      (D(1800, 1, 1), D(1920, 12, 31))),
    E("stadsfullmaktiges-beslut-1863-1970", ARKIV, "Stadsfullmäktiges beslut 1863–1970",
      "City council decisions 1863–1970",
      "Ett register över stadsfullmäktiges beslut. Du kan söka på ämne, år och ärende. Protokollen finns som "
      "skannade bilder.",
      "A register of the city council's decisions, searchable by subject, year and case. The minutes are scanned "
      "images.",
      "stadsfullmäktige, protokoll, beslut, historia", "GOVE", "NEVER", "CSV PDF", D(2022, 2, 14),
      (D(1863, 1, 1), D(1970, 12, 31))),
    E("arkivforteckningar", ARKIV, "Arkiv hos Stadsarkivet", "Archives held by the City Archives",
      "En lista över alla arkiv som Stadsarkivet förvarar. För varje arkiv står vem som skapade det, vilka år det "
      "gäller och hur stort det är.",
      "A list of every archive the City Archives keeps: who created it, the years it covers and its size.",
      "arkiv, arkivförteckning, förvaltningar", "GOVE EDUC", "MONTHLY", "CSV XML", D(2017, 6, 1)),
    E("stadsarkivet-besok", ARKIV, "Besök och beställningar hos Stadsarkivet", "Visits and orders at the City Archives",
      "Hur många som besöker läsesalen och beställer handlingar. Siffrorna gäller varje månad från 2015.",
      "How many people visit the reading room and order documents, per month since 2015.",
      "statistik, läsesal, beställningar", "GOVE", "MONTHLY", "CSV XLSX", D(2019, 1, 20), (D(2015, 1, 1), None)),
    E("stockholmskallan", ARKIV, "Stockholmskällan: källor till stadens historia",
      "Stockholmskällan: sources on the city's history",
      "Bilder, kartor och texter ur stadens arkiv och museer. De är valda för skolan. Varje källa har en kort "
      "förklaring.",
      "Pictures, maps and texts from the city's archives and museums, chosen for schools, each with a short "
      "explanation.",
      "stockholmskällan, historia, skola, bilder", "EDUC", "IRREG", "API", D(2021, 2, 1), licence=CC_BY),
    E("passjournaler-1860-1880", ARKIV, "Passjournaler 1860–1880", "Passport journals 1860–1880",
      "Stadens journaler över pass för resor inom och utanför landet. Registret är inte klart: flera år saknas.",
      "The city's journals of passports for travel at home and abroad. Not finished: several years are missing.",
      "pass, resor, släktforskning, historia", "SOCI", "IRREG", "", None, (D(1860, 1, 1), D(1880, 12, 31)),
      draft=True),
    # Miljöförvaltningen: air, noise, water and the climate.
    E("luftkvalitet-timvarden", MILJO, "Luftkvalitet: timvärden i realtid", "Air quality: hourly values in real time",
      "Halter av kvävedioxid, partiklar och ozon vid stadens mätstationer. Värdena kommer varje timme. De senaste "
      "dygnen är inte granskade än.",
      "Nitrogen dioxide, particles and ozone at the city's monitoring stations, every hour. The last few days are "
      "not yet validated.",
      "luftkvalitet, kvävedioxid, partiklar, ozon", "ENVI HEAL", "HOURLY", "API CSV", D(2017, 4, 3),
      (D(2017, 1, 1), None), contact=LUFT),
    E("luftkvalitet-matstationer", MILJO, "Mätstationer för luftkvalitet", "Air quality monitoring stations",
      "Var stadens mätstationer står och vad de mäter. Med koordinater och höjd över marken.",
      "Where the city's monitoring stations are and what they measure, with coordinates and height above ground.",
      "luftkvalitet, mätstationer, karta", "ENVI", "IRREG", "GEOJSON CSV", D(2017, 4, 3), contact=LUFT),
    E("bullerkarta-vagtrafik", MILJO, "Bullerkarta för vägtrafik", "Noise map for road traffic",
      "Hur mycket buller vägtrafiken ger, som medelvärde över dygnet i decibel. Kartan görs om vart femte år "
      "enligt EU:s regler.",
      "Road traffic noise as a day-evening-night average in decibels. The map is redone every five years under "
      "the EU noise directive.",
      "buller, vägtrafik, karta, hälsa", "ENVI HEAL", "IRREG", "GEOJSON ZIP PDF", D(2022, 11, 30),
      (D(2022, 1, 1), D(2022, 12, 31))),
    E("bullerkarta-sparttrafik", MILJO, "Bullerkarta för spårtrafik", "Noise map for rail traffic",
      "Buller från tåg, tunnelbana och spårväg, som medelvärde över dygnet i decibel. Kartan görs om vart femte år.",
      "Noise from trains, the metro and trams as a day-evening-night average in decibels, redone every five years.",
      "buller, spårtrafik, tunnelbana, karta", "ENVI HEAL", "IRREG", "GEOJSON ZIP", D(2022, 11, 30),
      (D(2022, 1, 1), D(2022, 12, 31))),
    E("badvattenkvalitet", MILJO, "Badvattenkvalitet vid strandbaden", "Bathing water quality at the beaches",
      "Provsvar för bakterier vid stadens strandbad. Proverna tas varje vecka under badsäsongen, från juni till "
      "augusti. Du ser om vattnet är bra att bada i.",
      "Bacteria test results at the city's beaches, sampled weekly in the bathing season from June to August, "
      "with advice on swimming.",
      "badvatten, strandbad, bakterier, sommar", "ENVI HEAL", "WEEKLY", "API CSV", D(2016, 6, 10),
      (D(2010, 6, 1), None), contact=("Miljöförvaltningen, badvatten", "badvatten@miljo.demo.example.org")),
    E("livsmedelskontroller", MILJO, "Kontroller av livsmedelsverksamheter", "Food safety inspections",
      "Kontroller av restauranger, butiker och andra som hanterar livsmedel. Med datum, typ av kontroll och "
      "resultat.",
      "Inspections of restaurants, shops and others that handle food: date, kind of inspection and result.",
      "livsmedel, kontroller, restauranger, tillsyn", "HEAL AGRI", "MONTHLY", "CSV", D(2019, 9, 2),
      (D(2018, 1, 1), None)),
    E("vattenkvalitet-sjoar", MILJO, "Vattenkvalitet i sjöar och vattendrag", "Water quality in lakes and streams",
      "Mätningar av näring, syre och siktdjup i stadens sjöar och vattendrag. Proverna tas fyra gånger om året.",
      "Nutrients, oxygen and water clarity in the city's lakes and streams, sampled four times a year.",
      "sjöar, vattenkvalitet, miljöövervakning", "ENVI", "QUARTERLY", "CSV XLSX", D(2015, 3, 2),
      (D(1995, 1, 1), None)),
    E("vaxthusgaser", MILJO, "Utsläpp av växthusgaser i Stockholm", "Greenhouse gas emissions in Stockholm",
      "Hur mycket växthusgaser staden släpper ut varje år. Uppdelat på trafik, uppvärmning, el och arbetsmaskiner.",
      "The city's greenhouse gas emissions each year, split into traffic, heating, electricity and machinery.",
      "klimat, växthusgaser, utsläpp", "ENVI ENER", "ANNUAL", "CSV XLSX", D(2018, 5, 14),
      (D(1990, 1, 1), D(2025, 12, 31))),
    E("grona-tak", MILJO, "Gröna tak och väggar", "Green roofs and walls",
      "Tak och väggar med växter i staden. Med yta, typ av växter och året då de anlades.",
      "Roofs and walls with plants in the city: area, kind of planting and the year laid.",
      "gröna tak, dagvatten, grönska", "ENVI REGI", "ANNUAL", "GEOJSON", D(2021, 8, 23)),
    E("naturreservat", MILJO, "Naturreservat och skyddad natur", "Nature reserves and protected nature",
      "Gränser för stadens naturreservat, biotopskydd och strandskydd. Med beslut och föreskrifter.",
      "Boundaries of the city's nature reserves and other protected areas, with the decisions and rules.",
      "naturreservat, naturvård, strandskydd, karta", "ENVI REGI", "IRREG", "GEOJSON ZIP", D(2016, 2, 8)),
    E("ultrafina-partiklar-forsok", MILJO, "Ultrafina partiklar: mätförsök", "Ultrafine particles: trial measurements",
      "Ett försök att mäta ultrafina partiklar vid två gator i innerstaden. Värdena är inte granskade än.",
      "A trial of measuring ultrafine particles at two inner-city streets. The values are not yet validated.",
      "luftkvalitet, partiklar, försök", "ENVI HEAL", "DAILY", "CSV", None, contact=LUFT, draft=True),
    # Trafikkontoret: traffic, parking, streets and what is in them.
    E("trafikfloden-realtid", TRAFIK, "Trafikflöden i realtid", "Traffic flows in real time",
      "Antal fordon och medelhastighet vid stadens mätpunkter. Värdena kommer var femte minut.",
      "Vehicle counts and average speed at the city's measuring points, every five minutes.",
      "trafik, trafikflöden, realtid, framkomlighet", "TRAN", "CONT", "API", D(2020, 9, 1), (D(2020, 9, 1), None)),
    E("cykelraknare", TRAFIK, "Cykelräknare", "Bicycle counters",
      "Var stadens fasta cykelräknare står och vilka stråk de räknar. Antalet cyklister finns i datamängderna om "
      "cykelflöden.",
      "Where the city's fixed bicycle counters are and which routes they count. The counts are in the bicycle "
      "count datasets.",
      "cykel, cykelräknare, karta", "TRAN", "IRREG", "GEOJSON CSV", D(2019, 3, 18)),
    E("lediga-platser-i-parkeringsgarage", TRAFIK, "Lediga platser i parkeringsgarage", "Free spaces in car parks",
      "Hur många platser som är lediga i garagen just nu. Uppdateras varje minut.",
      "How many spaces are free in the car parks right now, updated every minute.",
      "parkering, garage, lediga platser, realtid", "TRAN", "UPDATE_CONT", "API", D(2026, 4, 1),
      (D(2026, 4, 1), None)),
    E("parkering-pa-gatan", TRAFIK, "Parkering på gatan", "On-street parking",
      "Var du får parkera på gatan, vilken taxa som gäller och hur länge du får stå. Bygger på stadens "
      "trafikföreskrifter.",
      "Where you may park on the street, the charge and how long you may stay, based on the city's traffic "
      "regulations.",
      "parkering, taxor, trafikföreskrifter", "TRAN", "DAILY", "API GEOJSON", D(2018, 4, 9)),
    E("lokala-trafikforeskrifter", TRAFIK, "Lokala trafikföreskrifter", "Local traffic regulations",
      "Stadens regler för trafiken på en viss gata eller plats. Till exempel hastighet, förbud mot trafik och "
      "lastzoner.",
      "The city's traffic rules for a given street or place, such as speed limits, bans and loading zones.",
      "trafikföreskrifter, regler, hastighet", "TRAN JUST", "DAILY", "API XML", D(2016, 10, 3)),
    E("gatuarbeten", TRAFIK, "Pågående gatuarbeten", "Ongoing street works",
      "Var det grävs och byggs i gatan just nu. Med datum, vem som ansvarar och hur trafiken påverkas.",
      "Where streets are dug up or built on right now: dates, who is responsible and how traffic is affected.",
      "gatuarbeten, vägarbeten, framkomlighet", "TRAN", "DAILY", "API GEOJSON", D(2019, 5, 6)),
    E("snorojning-prioriterade-gator", TRAFIK, "Snöröjning: prioriterade gator och cykelstråk",
      "Snow clearing: priority streets and cycle routes",
      "Vilka gator och cykelstråk som plogas först när det snöar. Och hur snabbt de ska vara klara.",
      "Which streets and cycle routes are ploughed first when it snows, and how soon they must be clear.",
      "snöröjning, vinter, cykelstråk, halkbekämpning", "TRAN", "ANNUAL", "GEOJSON PDF", D(2018, 11, 15)),
    E("snorojning-realtid", TRAFIK, "Snöröjning i realtid", "Snow clearing in real time",
      "Var plogbilar och sandbilar har varit det senaste dygnet. Positionerna kommer var femte minut under vintern.",
      "Where ploughs and gritters have been in the last day, with positions every five minutes in winter.",
      "snöröjning, vinter, realtid", "TRAN", "CONT", "API", D(2021, 12, 1)),
    E("offentliga-toaletter", TRAFIK, "Offentliga toaletter", "Public toilets",
      "Stadens offentliga toaletter. Med adress, öppettider och om toaletten fungerar för rullstol.",
      "The city's public toilets: address, opening hours and whether they are wheelchair accessible.",
      "toaletter, tillgänglighet, öppettider", "SOCI HEAL", "MONTHLY", "GEOJSON CSV", D(2017, 8, 14)),
    E("stadstrad", TRAFIK, "Stadsträd", "City trees",
      "Träd som staden sköter längs gator och i parker. Med art, året då trädet planterades och stammens omkrets.",
      "Trees the city looks after along streets and in parks: species, year planted and trunk girth.",
      "träd, stadsträd, grönska, parker", "ENVI REGI", "ANNUAL", "GEOJSON CSV", D(2018, 6, 4)),
    E("papperskorgar", TRAFIK, "Papperskorgar på gator och i parker", "Litter bins in streets and parks",
      "Stadens papperskorgar. Med typ, plats och hur ofta de töms.",
      "The city's litter bins: type, location and how often they are emptied.",
      "papperskorgar, renhållning, skräp", "ENVI REGI", "QUARTERLY", "GEOJSON CSV", D(2020, 3, 9)),
    E("hallplatser", TRAFIK, "Hållplatser för buss och spårväg", "Bus and tram stops",
      "Var hållplatserna för buss och spårväg ligger. Med väderskydd och om hållplatsen är tillgänglig. "
      "Tidtabellerna finns hos trafikbolaget.",
      "Where the bus and tram stops are, with shelters and accessibility. The transport company publishes the "
      "timetables.",
      "kollektivtrafik, hållplatser, buss, tillgänglighet", "TRAN", "MONTHLY", "GEOJSON CSV", D(2019, 10, 7)),
    E("laddplatser", TRAFIK, "Laddplatser för elbilar", "Charging points for electric cars",
      "Publika laddplatser för elbilar på gatan och i garage. Med effekt och antal uttag.",
      "Public charging points for electric cars in the street and in car parks, with power and number of outlets.",
      "elbil, laddplatser, laddning", "TRAN ENER", "MONTHLY", "API GEOJSON", D(2020, 6, 15)),
    E("hastighetsgranser", TRAFIK, "Hastighetsgränser", "Speed limits",
      "Högsta tillåtna hastighet på varje gata i staden.", "The speed limit on every street in the city.",
      "hastighet, trafiksäkerhet, karta", "TRAN JUST", "WEEKLY", "GEOJSON", D(2017, 3, 6)),
    E("trafikolyckor", TRAFIK, "Trafikolyckor med personskador", "Road accidents with injuries",
      "Olyckor i trafiken där någon skadades, per år och plats. Uppgifterna kommer från polisen och sjukhusen.",
      "Road accidents in which someone was injured, by year and place, from police and hospital reports.",
      "trafiksäkerhet, olyckor, skador", "TRAN JUST", "ANNUAL", "CSV XLSX", D(2016, 5, 23),
      (D(2010, 1, 1), D(2025, 12, 31)), licence=CC_BY),
    E("cykelvagar-och-cykelparkeringar", TRAFIK, "Cykelvägar och cykelparkeringar", "Cycle paths and cycle parking",
      "Stadens cykelvägar och cykelfält, och platser där du kan parkera cykeln.",
      "The city's cycle paths and lanes, and places to park a bicycle.",
      "cykel, cykelvägar, cykelparkering", "TRAN", "ANNUAL", "GEOJSON ZIP", D(2017, 9, 11)),
    E("miljozoner", TRAFIK, "Miljözoner", "Environmental zones",
      "Gator där bara bilar och lastbilar med låga utsläpp får köra. Med vilka fordon som gäller i varje zon.",
      "Streets where only low-emission cars and lorries may drive, with the vehicles allowed in each zone.",
      "miljözon, utsläpp, fordon", "TRAN ENVI", "IRREG", "GEOJSON PDF", D(2020, 1, 15)),
    E("trafiksignaler", TRAFIK, "Trafiksignaler", "Traffic signals",
      "Stadens trafiksignaler och vilka av dem som ger grön våg för cykel.",
      "The city's traffic signals and which of them give cyclists a green wave.",
      "trafiksignaler, cykel, korsningar", "TRAN", "IRREG", "GEOJSON", None, draft=True),
    # Utbildningsförvaltningen: schools and what pupils and parents say.
    E("grundskolor", UTB, "Grundskolor i Stockholm", "Compulsory schools in Stockholm",
      "Alla kommunala och fristående grundskolor i staden. Med adress, årskurser, antal elever och skolans profil.",
      "All municipal and independent compulsory schools in the city: address, years, pupils and the school's "
      "profile.",
      "grundskola, skolval, elever", "EDUC", "ANNUAL", "API CSV GEOJSON", D(2016, 9, 5)),
    E("gymnasieskolor", UTB, "Gymnasieskolor och program", "Upper secondary schools and programmes",
      "Gymnasieskolor i Stockholm och de program de har. Med antal platser och lägsta poäng för att komma in.",
      "Upper secondary schools in Stockholm and their programmes, with places and the lowest admission score.",
      "gymnasium, program, antagning", "EDUC", "ANNUAL", "CSV JSON", D(2017, 2, 13)),
    E("betyg-arskurs-9", UTB, "Betyg i årskurs 9 per skola", "Year 9 grades by school",
      "Meritvärde och andel elever med godkänt i alla ämnen, per skola och år. Skolor med färre än tio elever "
      "visas inte.",
      "Average merit rating and share of pupils passing all subjects, by school and year. Schools with fewer than "
      "ten pupils are left out.",
      "betyg, meritvärde, grundskola, resultat", "EDUC SOCI", "ANNUAL", "CSV XLSX", D(2016, 8, 29),
      (D(2015, 1, 1), None)),
    E("skolenkaten", UTB, "Skolenkäten: vad elever och föräldrar tycker",
      "School survey: what pupils and parents think",
      "Svar från stadens enkät till elever och vårdnadshavare. Om trygghet, studiero och hur nöjda de är, per skola.",
      "Answers to the city's survey of pupils and guardians on safety, calm for studying and satisfaction, by "
      "school.",
      "skolenkät, trygghet, elever, föräldrar", "EDUC", "ANNUAL", "CSV XLSX", D(2018, 6, 18)),
    E("skolmatsedlar", UTB, "Skolmatsedlar", "School menus",
      "Veckans lunch i stadens grundskolor. Med specialkost och klimatpåverkan per portion.",
      "This week's lunch in the city's compulsory schools, with special diets and the climate impact per portion.",
      "skolmat, matsedel, klimat", "EDUC HEAL", "WEEKLY", "API", D(2021, 8, 16)),
    E("fritidshem", UTB, "Fritidshem: barn och personal", "After-school centres: children and staff",
      "Antal barn och anställda på fritidshemmen, per skola och år. Med andel personal som har utbildning för "
      "arbetet.",
      "Children and staff in after-school centres, by school and year, with the share of trained staff.",
      "fritidshem, barn, personal", "EDUC SOCI", "ANNUAL", "CSV", D(2019, 11, 4)),
    E("skolval-sokande-per-skola", UTB, "Skolval: sökande per skola", "School choice: applicants per school",
      "Hur många som sökte till varje grundskola i skolvalet, och hur många som fick plats.",
      "How many chose each compulsory school in the school choice, and how many got a place.",
      "skolval, grundskola, antagning", "EDUC", "ANNUAL", "CSV XLSX", D(2020, 4, 20)),
    E("vantetid-till-forskola", UTB, "Väntetid till förskola", "Waiting time for preschool",
      "Hur länge föräldrar väntar på en plats i förskolan, per stadsdelsområde och månad.",
      "How long parents wait for a preschool place, by district and month.",
      "förskola, väntetid, barnomsorg", "EDUC SOCI", "MONTHLY", "CSV", D(2021, 3, 1)),
    # Stadsledningskontoret: the city's money, statistics and decisions.
    E("budget", SLK, "Stockholms stads budget", "The City of Stockholm's budget",
      "Kommunfullmäktiges budget för året. Per nämnd och verksamhet, med intäkter, kostnader och investeringar.",
      "The city council's budget for the year by committee and activity: income, costs and investments.",
      "budget, ekonomi, nämnder", "ECON GOVE", "ANNUAL", "CSV XLSX PDF", D(2016, 12, 1), contact=EKONOMI),
    E("arsredovisning", SLK, "Stadens årsredovisning", "The city's annual report",
      "Stadens bokslut för varje år. Med resultat, balans och hur nämnderna har följt budgeten.",
      "The city's accounts each year: result, balance sheet and how the committees kept to budget.",
      "årsredovisning, bokslut, ekonomi", "ECON GOVE", "ANNUAL", "XLSX PDF", D(2017, 4, 24), contact=EKONOMI),
    E("befolkningsprognos", SLK, "Befolkningsprognos per stadsdelsområde", "Population forecast by district",
      "Hur många som väntas bo i varje stadsdelsområde de närmaste tio åren, per ålder. Prognosen görs om varje år.",
      "How many people are expected to live in each district over the next ten years, by age, redone every year.",
      "befolkning, prognos, planering", "SOCI REGI", "ANNUAL", "CSV XLSX", D(2017, 5, 2)),
    E("inkomst-och-sysselsattning", SLK, "Inkomst och sysselsättning per stadsdelsområde",
      "Income and employment by district",
      "Medianinkomst och andel som arbetar, per stadsdelsområde och år. Siffrorna bygger på SCB:s statistik.",
      "Median income and share in work, by district and year, based on Statistics Sweden's figures.",
      "inkomst, sysselsättning, statistik", "SOCI ECON", "ANNUAL", "CSV XLSX", D(2016, 3, 14),
      (D(2000, 1, 1), D(2024, 12, 31)), licence=CC_BY),
    E("statistisk-arsbok", SLK, "Statistisk årsbok för Stockholm", "Statistical yearbook of Stockholm",
      "Stockholm i siffror: befolkning, bostäder, arbete, miljö och val. Tabellerna finns också i Excel.",
      "Stockholm in figures: population, housing, work, environment and elections, also as Excel tables.",
      "statistik, årsbok, Stockholm", "SOCI GOVE", "ANNUAL", "PDF XLSX", D(2015, 6, 1), licence=CC_BY),
    E("pagaende-upphandlingar", SLK, "Pågående upphandlingar", "Ongoing procurements",
      "Upphandlingar som staden har annonserat och som går att lämna anbud på. Med sista dag för anbud.",
      "Procurements the city has advertised that are open for tenders, with the closing date.",
      "upphandling, anbud, LOU", "ECON GOVE", "DAILY", "API CSV", D(2019, 2, 4),
      contact=("Stadsledningskontoret, upphandling", "upphandling@slk.demo.example.org")),
    E("fortroendevalda", SLK, "Förtroendevalda i nämnder och bolag", "Elected members of committees and boards",
      "Vilka som sitter i kommunfullmäktige, nämnderna och bolagens styrelser. Med parti och uppdrag.",
      "Who sits on the city council, its committees and company boards, with party and role.",
      "förtroendevalda, politik, nämnder", "GOVE", "WEEKLY", "API CSV", D(2018, 10, 15)),
    E("kommunfullmaktiges-protokoll", SLK, "Kommunfullmäktiges protokoll", "City council minutes",
      "Protokoll och beslut från kommunfullmäktiges möten, från 2010 och framåt.",
      "Minutes and decisions of the city council's meetings since 2010.",
      "kommunfullmäktige, protokoll, beslut", "GOVE", "MONTHLY", "API PDF", D(2017, 1, 16), (D(2010, 1, 1), None)),
    E("medarbetare-och-sjukfranvaro", SLK, "Medarbetare och sjukfrånvaro", "Staff and sick leave",
      "Antal anställda och sjukfrånvaro per förvaltning och bolag, varje år.",
      "Number of employees and sick leave by department and company, each year.",
      "personal, sjukfrånvaro, arbetsgivare", "GOVE ECON", "ANNUAL", "CSV XLSX", D(2019, 3, 25)),
    # Stadsbyggnadskontoret: maps, plans and permits.
    E("bygglov", SBK, "Beslut om bygglov", "Building permit decisions",
      "Beslut om bygglov, rivningslov och marklov. Med fastighet, åtgärd och datum för beslutet. Namn på den som "
      "sökt visas inte.",
      "Decisions on building, demolition and site permits: property, work and date of decision. Applicants' names "
      "are left out.",
      "bygglov, beslut, fastigheter", "REGI GOVE", "WEEKLY", "API CSV", D(2018, 1, 22)),
    E("detaljplaner", SBK, "Detaljplaner", "Local development plans",
      "Gällande och pågående detaljplaner. Med gränser, planbeskrivning och datum då planen vann laga kraft.",
      "Plans in force and in progress: boundaries, plan description and the date the plan took effect.",
      "detaljplaner, stadsplanering, karta", "REGI", "WEEKLY", "GEOJSON PDF", D(2016, 4, 11)),
    E("baskarta", SBK, "Baskarta: byggnader, vägar och vatten", "Base map: buildings, roads and water",
      "Stadens grundkarta med byggnader, vägar, vatten och mark. Den används som bakgrund i andra kartor.",
      "The city's base map with buildings, roads, water and land cover, used as the background of other maps.",
      "karta, geodata, byggnader", "REGI", "MONTHLY", "ZIP GEOJSON", D(2015, 9, 7), licence=CC_BY),
    E("adresser", SBK, "Adresser i Stockholm", "Addresses in Stockholm",
      "Alla adresser i staden med koordinater. Det är staden som bestämmer adresserna.",
      "Every address in the city, with coordinates. The city decides addresses.",
      "adresser, geodata, karta", "REGI", "WEEKLY", "CSV API", D(2015, 9, 7)),
    E("gatunamn", SBK, "Gatunamn och deras ursprung", "Street names and their origins",
      "Alla gatunamn i Stockholm. För varje gata står när den fick sitt namn och vad namnet betyder.",
      "Every street name in Stockholm, with when it was given and what it means.",
      "gatunamn, historia, adresser", "REGI EDUC", "IRREG", "CSV GEOJSON", D(2021, 9, 15)),
    E("flygfoton", SBK, "Flygfoton över staden", "Aerial photographs of the city",
      "Flygfoton över hela staden, tagna varje vår. Bilderna är rättade så att de passar kartan.",
      "Aerial photos of the whole city, taken each spring and corrected to fit the map.",
      "flygfoto, ortofoto, karta", "REGI TECH", "ANNUAL", "ZIP", D(2016, 8, 1), licence=CC_BY),
    E("bostadsbyggande", SBK, "Bostadsbyggande", "Housing construction",
      "Antal bostäder som har börjat byggas och som blivit klara, per kvartal och stadsdelsområde.",
      "Homes started and completed, by quarter and district.",
      "bostäder, byggande, statistik", "SOCI REGI", "QUARTERLY", "CSV XLSX", D(2017, 7, 3)),
    E("stadsdelsgranser", SBK, "Gränser för stadsdelsområden och stadsdelar", "District and neighbourhood boundaries",
      "Gränserna för stadens stadsdelsområden, stadsdelar och statistikområden.",
      "The boundaries of the city's districts, neighbourhoods and statistical areas.",
      "stadsdelar, gränser, karta", "REGI GOVE", "IRREG", "GEOJSON ZIP", D(2015, 9, 7)),
    E("3d-modell", SBK, "3D-modell av staden", "3D model of the city",
      "Byggnader i tre dimensioner, med höjd och takform. Modellen används i planering och för att visa ljus och "
      "skugga.",
      "Buildings in three dimensions with height and roof shape, for planning and for showing light and shade.",
      "3D, byggnader, karta", "REGI TECH", "ANNUAL", "ZIP", D(2020, 10, 19), licence=CC_BY),
    # Stockholm Vatten och Avfall: water, sewage and waste.
    E("hamtdagar-hushallsavfall", SVOA, "Hämtdagar för hushållsavfall", "Household waste collection days",
      "Vilken dag soporna hämtas på varje adress. Gäller både villor och flerbostadshus.",
      "The day household waste is collected at each address, for houses and blocks of flats.",
      "avfall, sophämtning, hämtdagar", "ENVI", "WEEKLY", "API CSV", D(2019, 4, 1)),
    E("atervinningscentraler", SVOA, "Återvinningscentraler", "Recycling centres",
      "Var återvinningscentralerna ligger, när de har öppet och vad du kan lämna där.",
      "Where the recycling centres are, their opening hours and what you can leave there.",
      "återvinning, avfall, öppettider", "ENVI", "MONTHLY", "GEOJSON CSV", D(2018, 3, 5)),
    E("insamlat-avfall", SVOA, "Insamlat avfall", "Waste collected",
      "Hur många ton hushållsavfall, matavfall och grovavfall som samlas in, per år och stadsdelsområde.",
      "Tonnes of household, food and bulky waste collected, by year and district.",
      "avfall, matavfall, statistik", "ENVI", "ANNUAL", "CSV XLSX", D(2018, 3, 5), (D(2012, 1, 1), D(2025, 12, 31))),
    E("dricksvattenkvalitet", SVOA, "Dricksvattnets kvalitet", "Drinking water quality",
      "Provsvar från kontrollen av dricksvattnet, vid vattenverken och i ledningarna.",
      "Test results from the monitoring of drinking water at the waterworks and in the pipes.",
      "dricksvatten, vattenkvalitet, provtagning", "HEAL ENVI", "MONTHLY", "CSV PDF", D(2017, 10, 2)),
    E("dagvattenbrunnar-nivaer", SVOA, "Nivåer i dagvattenbrunnar", "Water levels in stormwater drains",
      "Vattennivån i dagvattenbrunnar med sensorer. Värdena kommer var femte minut. De används för att varna vid "
      "skyfall.",
      "The water level in stormwater drains fitted with sensors, every five minutes, used to warn of cloudbursts.",
      "dagvatten, skyfall, sensorer", "ENVI TECH", "CONT", "API", D(2025, 5, 12), (D(2025, 5, 12), None)),
    E("driftstorningar-vatten-och-avlopp", SVOA, "Driftstörningar i vatten och avlopp",
      "Water and sewerage disruptions",
      "Pågående avbrott i vatten och avlopp. Med område och när felet väntas vara åtgärdat.",
      "Ongoing water and sewerage outages, with the area affected and when they should be fixed.",
      "vatten, avlopp, driftstörningar", "ENVI REGI", "CONT", "API GEOJSON", D(2019, 6, 17)),
    E("braddningar", SVOA, "Bräddningar av avloppsvatten", "Sewage overflows",
      "När och var orenat avloppsvatten har runnit ut i sjöar och hav, till exempel vid kraftigt regn. Med mängd "
      "och tid.",
      "When and where untreated sewage overflowed into lakes and the sea, for example in heavy rain, with volume "
      "and duration.",
      "avlopp, bräddning, vattenmiljö", "ENVI", "MONTHLY", "CSV", D(2020, 2, 10)),
    # Culture, sport and leisure.
    E("bibliotek", KULTUR, "Stadsbibliotekets bibliotek", "The City Library's branches",
      "Alla stadens bibliotek med adress och öppettider. Med meröppet, då du kan låna fast personalen inte är där.",
      "All the city's libraries with address and opening hours, including staff-free hours.",
      "bibliotek, öppettider, kultur", "EDUC", "MONTHLY", "API GEOJSON", D(2017, 5, 15)),
    E("bibliotek-lan-och-besok", KULTUR, "Lån och besök på biblioteken", "Library loans and visits",
      "Antal lån, e-lån och besök per bibliotek och månad.", "Loans, e-loans and visits per library and month.",
      "bibliotek, lån, statistik", "EDUC", "MONTHLY", "CSV XLSX", D(2018, 2, 5), (D(2014, 1, 1), None)),
    E("offentlig-konst", KULTUR, "Offentlig konst", "Public art",
      "Skulpturer och annan konst i parker, på torg och i tunnelbanan. Med konstnär, år och plats.",
      "Sculptures and other art in parks, squares and the metro: artist, year and place.",
      "konst, skulpturer, kultur", "EDUC", "IRREG", "GEOJSON CSV", D(2019, 8, 26), licence=CC_BY),
    E("kulturstod", KULTUR, "Kulturstöd till föreningar och fria grupper",
      "Culture grants to associations and independent groups",
      "Vilka som har fått stöd från kulturnämnden, hur mycket och till vad.",
      "Who received grants from the culture committee, how much and for what.",
      "kulturstöd, bidrag, föreningar", "EDUC ECON", "ANNUAL", "CSV XLSX", D(2018, 9, 3)),
    E("kulturskolans-kurser", KULTUR, "Kulturskolans kurser", "Culture school courses",
      "Kurser i musik, dans, teater och konst för barn och unga. Med plats, ålder och lediga platser.",
      "Courses in music, dance, theatre and art for children and young people: place, age and free places.",
      "kulturskolan, kurser, barn, unga", "EDUC", "WEEKLY", "API", D(2022, 1, 10)),
    E("utegym", IDROTT, "Utegym och spontanidrottsplatser", "Outdoor gyms and open sports grounds",
      "Stadens utegym och platser där alla får idrotta fritt, till exempel basket och parkour. Med redskap och "
      "tillgänglighet.",
      "The city's outdoor gyms and open sports grounds such as basketball and parkour, with equipment and "
      "accessibility.",
      "utegym, motion, idrott, parker", "EDUC HEAL", "ANNUAL", "GEOJSON CSV", D(2024, 9, 2)),
    E("strandbad", IDROTT, "Strandbad och badplatser", "Beaches and bathing places",
      "Stadens strandbad och badplatser. Med bryggor, toaletter, livräddning och tillgänglighet.",
      "The city's beaches and bathing places: jetties, toilets, lifeguards and accessibility.",
      "bad, strandbad, sommar", "EDUC HEAL", "ANNUAL", "GEOJSON CSV", D(2016, 5, 30)),
    E("idrottshallar-och-planer", IDROTT, "Idrottshallar och planer", "Sports halls and pitches",
      "Idrottshallar, fotbollsplaner och ishallar som staden hyr ut. Med tider som går att boka.",
      "Sports halls, football pitches and ice rinks the city lets, with bookable times.",
      "idrott, idrottshallar, bokning", "EDUC", "DAILY", "API GEOJSON", D(2018, 8, 20)),
    E("simhallar", IDROTT, "Simhallar: öppettider och besök", "Swimming pools: opening hours and visits",
      "Stadens simhallar med öppettider och antal besök per månad.",
      "The city's swimming pools with opening hours and visits per month.",
      "simhallar, bad, motion", "EDUC HEAL", "MONTHLY", "CSV", D(2019, 1, 14)),
    E("motionsspar-och-skidspar", IDROTT, "Motionsspår och skidspår", "Running and ski trails",
      "Stadens motionsspår och skidspår. Med längd, belysning och om spåren är preparerade.",
      "The city's running and ski trails: length, lighting and whether they are groomed.",
      "motionsspår, skidor, friluftsliv", "EDUC HEAL", "DAILY", "API GEOJSON", D(2020, 12, 7)),
    # Welfare and care.
    E("ekonomiskt-bistand", SOCIAL, "Ekonomiskt bistånd", "Financial assistance",
      "Hur många hushåll som får ekonomiskt bistånd, per stadsdelsområde och månad. Med belopp i genomsnitt.",
      "Households receiving financial assistance, by district and month, with the average amount.",
      "ekonomiskt bistånd, socialtjänst, statistik", "SOCI ECON", "MONTHLY", "CSV XLSX", D(2017, 11, 6)),
    E("fritidsgardar", SOCIAL, "Fritidsgårdar och mötesplatser för unga", "Youth centres and meeting places",
      "Fritidsgårdar och andra mötesplatser för unga. Med adress, ålder och öppettider.",
      "Youth centres and other places for young people to meet: address, ages and opening hours.",
      "fritidsgårdar, unga, fritid", "SOCI EDUC", "MONTHLY", "GEOJSON CSV", D(2019, 9, 16)),
    E("vard-och-omsorgsboenden", ALDRE, "Vård- och omsorgsboenden", "Care homes for older people",
      "Stadens vård- och omsorgsboenden för äldre. Med adress, antal platser, inriktning och vad de boende tycker.",
      "The city's care homes for older people: address, places, focus and what residents think.",
      "äldreomsorg, boenden, kvalitet", "SOCI HEAL", "ANNUAL", "API CSV", D(2018, 4, 23)),
    E("hemtjanst-utforare", ALDRE, "Hemtjänst: utförare och kvalitet", "Home care: providers and quality",
      "Alla som utför hemtjänst i staden. Med stadsdelarna de arbetar i och vad brukarna tycker om dem.",
      "All home care providers in the city, the districts they serve and what users think of them.",
      "hemtjänst, äldreomsorg, kvalitet", "SOCI HEAL", "ANNUAL", "CSV XLSX", D(2019, 5, 27)),
    E("jobbtorg", ARBETS, "Jobbtorg: deltagare och resultat", "Job centres: participants and results",
      "Hur många som deltar i Jobbtorg och hur många som får arbete eller börjar studera. Per kvartal.",
      "How many take part in the job centres and how many find work or start studying, per quarter.",
      "arbetsmarknad, jobbtorg, sysselsättning", "SOCI ECON", "QUARTERLY", "CSV", D(2018, 7, 2)),
    E("feriejobb", ARBETS, "Feriejobb för unga", "Summer jobs for young people",
      "Hur många unga som sökte och fick feriejobb i staden, per stadsdelsområde och år.",
      "How many young people applied for and got summer jobs with the city, by district and year.",
      "feriejobb, unga, sommarjobb", "SOCI ECON", "ANNUAL", "CSV XLSX", D(2019, 10, 21)),
    # Property, land and housing.
    E("energi-stadens-byggnader", FASTIGHET, "Energianvändning i stadens byggnader",
      "Energy use in the city's buildings",
      "El, värme och kyla per byggnad och år, för lokaler som staden äger. Med energi per kvadratmeter.",
      "Electricity, heating and cooling per building and year for premises the city owns, with energy per square "
      "metre.",
      "energi, byggnader, klimat", "ENER ENVI", "ANNUAL", "CSV XLSX", D(2019, 6, 10), (D(2015, 1, 1), D(2025, 12, 31))),
    E("torghandel", FASTIGHET, "Torghandel: platser och avgifter", "Market stalls: pitches and fees",
      "Platser där du kan sälja på torg och gator. Med storlek, avgift och vad som får säljas.",
      "Pitches for selling in squares and streets: size, fee and what may be sold.",
      "torghandel, handel, avgifter", "ECON REGI", "ANNUAL", "GEOJSON CSV", D(2020, 4, 6)),
    E("stadens-fastigheter", FASTIGHET, "Stadens fastigheter och lokaler", "The city's properties and premises",
      "Fastigheter och lokaler som staden äger eller hyr. Med användning och yta.",
      "Properties and premises the city owns or rents, with use and area.",
      "fastigheter, lokaler, ägande", "GOVE REGI", "ANNUAL", "CSV", D(2018, 12, 3)),
    E("markanvisningar", EXPLO, "Markanvisningar", "Land allocations",
      "Mark som staden har lämnat till byggherrar för att bygga bostäder. Med antal bostäder och datum för beslut.",
      "Land the city has allocated to developers for housing, with the number of homes and the date of decision.",
      "markanvisning, bostäder, byggande", "REGI ECON", "QUARTERLY", "CSV GEOJSON", D(2017, 10, 16)),
    E("tomtratter", EXPLO, "Tomträtter", "Site leaseholds",
      "Mark som staden hyr ut med tomträtt. Med fastighet, ändamål och avgäld per år.",
      "Land the city leases out as site leaseholds: property, purpose and annual ground rent.",
      "tomträtt, mark, avgäld", "ECON REGI", "ANNUAL", "CSV", D(2019, 2, 25)),
    E("kotider-hyresratter", BOSTAD, "Kötider för hyresrätter", "Queue times for rented flats",
      "Hur länge de som fick en hyresrätt hade stått i kö. Per stadsdel, storlek och år.",
      "How long those who got a rented flat had queued, by area, size and year.",
      "bostadskö, hyresrätter, kötid", "SOCI REGI", "ANNUAL", "CSV XLSX", D(2016, 2, 22),
      (D(2010, 1, 1), D(2025, 12, 31))),
    E("energi-skolbyggnader", SISAB, "Energianvändning i skolornas byggnader", "Energy use in school buildings",
      "El och värme per skolbyggnad och år. Med solceller och energi per kvadratmeter.",
      "Electricity and heating per school building and year, with solar panels and energy per square metre.",
      "energi, skolor, solceller", "ENER EDUC", "ANNUAL", "CSV XLSX", D(2020, 5, 18), (D(2016, 1, 1), D(2025, 12, 31))),
    E("skolgardar", SISAB, "Skolgårdar: yta per elev", "School yards: area per pupil",
      "Hur stor skolgården är vid varje skola, i kvadratmeter per elev.",
      "The size of each school's yard in square metres per pupil.",
      "skolgårdar, lek, grundskola", "EDUC REGI", "ANNUAL", "CSV GEOJSON", D(2021, 1, 25)),
    # The companies and the shared services.
    E("kyrkogardar", KYRKO, "Kyrkogårdar och minneslundar", "Cemeteries and memorial groves",
      "Stadens kyrkogårdar och minneslundar. Med öppettider, kvarter och var du hittar vatten och redskap.",
      "The city's cemeteries and memorial groves: opening hours, sections and where to find water and tools.",
      "kyrkogårdar, begravning, minneslundar", "SOCI REGI", "IRREG", "GEOJSON", D(2020, 10, 26)),
    E("parkeringsgarage", PARKERING, "Parkeringsgarage: platser och taxor", "Car parks: spaces and charges",
      "Bolagets parkeringsgarage. Med adress, antal platser, höjd, taxor och laddplatser.",
      "The company's car parks: address, spaces, height limit, charges and charging points.",
      "parkering, garage, taxor", "TRAN", "MONTHLY", "API CSV", D(2018, 9, 17)),
    E("infartsparkeringar", PARKERING, "Infartsparkeringar", "Park and ride",
      "Parkeringar nära tunnelbana och pendeltåg, för dig som åker vidare kollektivt. Med antal platser och taxa.",
      "Car parks near metro and commuter rail stations for travellers going on by public transport, with spaces "
      "and charges.",
      "infartsparkering, kollektivtrafik, parkering", "TRAN", "ANNUAL", "GEOJSON CSV", D(2019, 3, 4)),
    E("fartygsanlop", HAMN, "Fartygsanlöp i Stockholms hamnar", "Ship calls at Stockholm's ports",
      "Fartyg som kommer till Stockholms hamnar. Med ankomst, avgång, kaj och antal passagerare.",
      "Ships calling at Stockholm's ports: arrival, departure, quay and passengers.",
      "hamn, fartyg, kryssning", "TRAN ECON", "DAILY", "API CSV", D(2018, 5, 7)),
    E("fibernatets-noder", STOKAB, "Fibernätets noder", "Fibre network nodes",
      "Platser där operatörer kan ansluta till stadens fibernät. Med område och typ av nod.",
      "Places where operators can connect to the city's fibre network, with area and node type.",
      "fiber, bredband, infrastruktur", "TECH REGI", "ANNUAL", "GEOJSON", D(2021, 4, 12), licence=CC_BY),
    E("gastnatter", SBR, "Gästnätter i Stockholm", "Guest nights in Stockholm",
      "Antal gästnätter på hotell, vandrarhem och stugbyar, per månad och det land gästerna kommer från.",
      "Guest nights in hotels, hostels and holiday villages, by month and the guests' country.",
      "turism, besöksnäring, gästnätter", "ECON", "MONTHLY", "CSV XLSX", D(2017, 3, 27), licence=CC_BY),
    E("nya-foretag", SBR, "Nya företag", "New businesses",
      "Antal nya företag per kvartal, bransch och stadsdelsområde.",
      "New businesses per quarter, industry and district.",
      "företag, näringsliv, statistik", "ECON", "QUARTERLY", "CSV", D(2019, 8, 12), licence=CC_BY),
    E("synpunkter-och-felanmalningar", SERVICE, "Synpunkter och felanmälningar", "Comments and fault reports",
      "Synpunkter och felanmälningar som kommer in till stadens kontaktcenter. Per ämne, månad och "
      "stadsdelsområde.",
      "Comments and fault reports received by the city's contact centre, by subject, month and district.",
      "felanmälan, synpunkter, kontaktcenter", "GOVE REGI", "MONTHLY", "CSV", D(2018, 2, 12)),
    E("stadens-avtal", SERVICE, "Stadens avtal med leverantörer", "The city's contracts with suppliers",
      "Avtal som staden har efter upphandling. Med leverantör, vad avtalet gäller och när det slutar.",
      "Contracts the city holds after procurement: supplier, subject and end date.",
      "avtal, upphandling, leverantörer", "ECON GOVE", "WEEKLY", "CSV XLSX", D(2019, 11, 18)),
]  # fmt: skip

# One dataset a year for the readings people compare over time: (name, publisher, contact, Swedish title, English
# title, Swedish description, English description, keywords, themes, formats, month and day it is issued next year).
YEARLY = [
    ("luftkvalitet", MILJO, LUFT, "Luftkvalitet {y}: granskade dygnsvärden", "Air quality {y}: validated daily values",
     "Dygnsmedelvärden för kvävedioxid, partiklar och ozon vid stadens mätstationer under {y}. Värdena är granskade.",
     "Daily means of nitrogen dioxide, particles and ozone at the city's stations in {y}. The values are validated.",
     "luftkvalitet, kvävedioxid, partiklar, ozon", "ENVI HEAL", "CSV XLSX", (3, 15)),
    ("trafikfloden", TRAFIK, None, "Trafikflöden {y}", "Traffic counts {y}",
     "Antal fordon per vardagsdygn på stadens gator och infarter under {y}. Mätt vid omkring 400 punkter.",
     "Vehicles per weekday on the city's streets and approach roads in {y}, measured at about 400 points.",
     "trafik, trafikflöden, fordon, mätningar", "TRAN", "CSV GEOJSON", (4, 2)),
    ("cykelfloden", TRAFIK, None, "Cykelflöden {y}", "Bicycle counts {y}",
     "Antal cyklister per dygn vid stadens fasta cykelräknare under {y}. Räknat varje timme.",
     "Cyclists per day at the city's fixed bicycle counters in {y}, counted every hour.",
     "cykel, cykelflöden, cykelräknare", "TRAN", "CSV JSON", (2, 20)),
    ("leverantorsutbetalningar", SLK, EKONOMI, "Utbetalningar till leverantörer {y}", "Payments to suppliers {y}",
     "Stadens betalningar till leverantörer under {y}. Med leverantör, belopp, konto och förvaltning. Betalningar "
     "till privatpersoner visas inte.",
     "The city's payments to suppliers in {y}: supplier, amount, account and department. Payments to private "
     "persons are left out.",
     "ekonomi, leverantörer, utbetalningar, insyn", "ECON GOVE", "CSV XLSX", (2, 15)),
]  # fmt: skip
YEARS = range(2022, 2026)
ELECTIONS = [D(2010, 9, 19), D(2014, 9, 14), D(2018, 9, 9), D(2022, 9, 11)]


def _district_entries() -> list[Entry]:
    """Population (from the statistics office), preschools and playgrounds (from the district) for each district."""
    rows = []
    for number, district in enumerate(city.DISTRICTS):
        slug = slugify(district)
        administration = f"{district} stadsdelsförvaltning"
        contact = (administration, f"oppnadata@{slug}.demo.example.org")
        rows += [
            E(f"befolkning-{slug}", SLK, f"Befolkning i {district}", f"Population of {district}",
              f"Antal invånare i {district} per stadsdel, ålder och kön. Siffrorna gäller den 31 december varje år.",
              f"Residents of {district} by neighbourhood, age and sex, as of 31 December each year.",
              f"befolkning, invånare, statistik, {district}", "SOCI REGI", "ANNUAL", "CSV XLSX",
              D(2016, 3, 1 + number), (D(2000, 1, 1), D(2025, 12, 31))),
            E(f"forskolor-{slug}", administration, f"Förskolor i {district}", f"Preschools in {district}",
              f"Kommunala och fristående förskolor i {district}. Med adress, antal barn, öppettider och inriktning.",
              f"Municipal and independent preschools in {district}: address, children, opening hours and focus.",
              f"förskola, barn, förskoleplats, {district}", "EDUC SOCI", "ANNUAL", "CSV GEOJSON",
              D(2018, 2 + number % 10, 3 + number), contact=contact),
            E(f"lekplatser-{slug}", administration, f"Lekplatser i {district}", f"Playgrounds in {district}",
              f"Lekplatserna i {district}s parker. Med adress, vilken ålder de passar för och om barn med "
              "funktionsnedsättning kan leka där.",
              f"The playgrounds in {district}'s parks: address, the ages they suit and whether children with "
              "disabilities can play there.",
              f"lekplatser, barn, parker, {district}", "SOCI REGI", "ANNUAL", "GEOJSON CSV",
              D(2019, 4 + number % 8, 2 + number), contact=contact),
        ]  # fmt: skip
    return rows


def _series_entries() -> list[Entry]:
    rows = []
    for name, publisher, contact, title, title_en, text, text_en, keywords, themes, formats, (month, day) in YEARLY:
        rows += [
            E(f"{name}-{year}", publisher, title.format(y=year), title_en.format(y=year), text.format(y=year),
              text_en.format(y=year), keywords, themes, "NEVER", formats, D(year + 1, month, day),
              (D(year, 1, 1), D(year, 12, 31)), contact=contact)
            for year in YEARS
        ]  # fmt: skip
    for day in ELECTIONS:
        y = day.year
        rows.append(
            E(f"valresultat-{y}", SLK, f"Valresultat {y} per valdistrikt", f"Election results {y} by polling district",
              f"Röster per parti i varje valdistrikt i valen {y} till riksdag, region och kommun. Med valdeltagande "
              "och gränserna för valdistrikten.",
              f"Votes per party in each polling district in the {y} elections to the Riksdag, the region and the "
              "city, with turnout and the district boundaries.",
              "val, valresultat, valdeltagande, valdistrikt", "GOVE SOCI", "NEVER", "CSV XLSX GEOJSON",
              day + datetime.timedelta(days=30), (day, day))
        )  # fmt: skip
    return rows


def entries() -> list[Entry]:
    return WRITTEN + _district_entries() + _series_entries()


# The APIs: (name, publisher, Swedish title, English title, Swedish description, English description, path, the
# name prefixes of the datasets served).
SERVICES = [
    ("luftdata-api", MILJO, "Luftdata-API", "Air quality API",
     "Ett öppet API med mätvärden för luftkvalitet: timvärden i realtid och granskade värden bakåt i tiden. "
     "Svaren kommer som JSON.",
     "An open API with air quality readings: hourly values in real time and validated values for past years, "
     "as JSON.",
     "luftdata/v1", ("luftkvalitet-",)),
    ("trafik-api", TRAFIK, "Trafik-API", "Traffic API",
     "Ett öppet API för trafikdata: flöden av bilar och cyklar, lediga platser i garagen, gatuarbeten och "
     "snöröjning. Svaren kommer som JSON.",
     "An open API for traffic data: car and bicycle flows, free spaces in car parks, street works and snow "
     "clearing, as JSON.",
     "trafik/v1", ("trafikfloden-", "cykelfloden-", "cykelraknare", "lediga-platser-i-parkeringsgarage",
                   "gatuarbeten", "snorojning-realtid", "parkering-pa-gatan")),
]  # fmt: skip

# The demo initiatives that use the data: (initiative slug, dataset names).
USES = [
    ("oppet-api-for-luftkvalitet", ["luftkvalitet-timvarden", "luftkvalitet-matstationer"]),
    ("oppet-api-for-lediga-parkeringsplatser", ["lediga-platser-i-parkeringsgarage", "parkeringsgarage"]),
    ("oppna-data-fran-rotemansarkivet", ["rotemansarkivet"]),
    ("programmet-oppna-data-som-standard", ["luftkvalitet-timvarden", "befolkningsprognos", "rotemansarkivet"]),
    ("digital-karta-over-utegym", ["utegym"]),
    ("sensorer-for-fyllnadsgrad-i-papperskorgar", ["papperskorgar"]),
    ("sms-paminnelser-om-sophamtning", ["hamtdagar-hushallsavfall"]),
    ("prognos-for-skolplaceringar-med-maskininlarning", ["befolkningsprognos", "grundskolor"]),
    ("sensorer-for-nivan-i-dagvattenbrunnar", ["dagvattenbrunnar-nivaer"]),
]


@transaction.atomic
def load_demo_catalogue() -> int:
    """Make what is missing; returns how many datasets the catalogue holds."""
    wanted = entries()
    existing = set(Dataset.objects.filter(name__in=[entry.name for entry in wanted]).values_list("name", flat=True))
    missing = [entry for entry in wanted if entry.name not in existing]
    if missing:
        publishers = _publishers(sorted({entry.publisher for entry in wanted}), {entry.publisher for entry in missing})
        today = timezone.localdate()
        for entry in missing:
            if entry.publisher in publishers:
                _dataset(entry, *publishers[entry.publisher], today)
    _services()
    _uses()
    return Dataset.objects.count()


def _publishers(every: list[str], needed: set[str]) -> dict[str, tuple[Organisation, Person]]:
    """The data publisher of each organisation in `needed`, made where missing. Names come by the organisation's
    place in `every`, so that they are the same whichever are made first. An organisation whose publisher's role
    was ended in the app is left without new datasets."""
    password = Person.objects.get(username="datapublicerare").password
    organisations = Organisation.objects.in_bulk(list(needed), field_name="name")
    found = {}
    for index, name in enumerate(every):
        organisation = organisations.get(name)
        if organisation is None:
            continue
        username = "datapublicerare" if name == ARKIV else f"data-{organisation.slug}"[:40]
        person = Person.objects.filter(username=username).first()
        if person is None:
            person = Person.objects.create(
                username=username, password=password, email=f"{username}@demo.example.org",
                first_name=city.FIRST_NAMES[(index * 5 + 3) % len(city.FIRST_NAMES)],
                last_name=city.LAST_NAMES[(index * 3 + 7) % len(city.LAST_NAMES)], title="Informationsförvaltare",
            )  # fmt: skip
        roles = RoleAssignment.objects.filter(person=person, role=Role.DATA_PUBLISHER, organisation=organisation)
        if not roles.exists():
            role = RoleAssignment(
                person=person, role=Role.DATA_PUBLISHER, organisation=organisation, valid_from=PUBLISHER_SINCE
            )
            role.full_clean()
            role.save()
        if roles.active().exists():
            found[name] = (organisation, person)
    return found


def _dataset(entry: Entry, organisation: Organisation, actor: Person, today: datetime.date) -> None:
    contact = entry.contact or CONTACTS[entry.publisher]
    issued = min(entry.issued, today) if entry.issued else None
    modified = None
    if issued:  # data that never changes last changed when it came out
        modified = max(issued, today - datetime.timedelta(days=FRESH.get(entry.frequency, 10_000)))
    dataset = services.dataset_create(
        actor=actor, publisher=organisation, name=entry.name, title=entry.title, title_en=entry.title_en,
        description=entry.description, description_en=entry.description_en, keywords=entry.keywords,
        themes=entry.themes.split(), licence=entry.licence, frequency=entry.frequency, contact_name=contact[0],
        contact_email=contact[1], temporal_start=entry.covers[0], temporal_end=entry.covers[1], issued=issued,
        modified=modified,
    )  # fmt: skip
    for code in entry.formats.split():
        services.distribution_add(actor=actor, dataset=dataset, **distribution_fields(entry.name, code))
    if not entry.draft:
        services.dataset_publish(actor=actor, dataset=dataset)


def distribution_fields(name: str, code: str) -> dict[str, str]:
    """A link to a file or an API on the demo portal, for the dataset `name`."""
    file_type, title, title_en, ending = FORMS[code]
    if ending is None:
        url = f"{SITE}/api/{name}/v1"
        return {"format": file_type, "title": title, "title_en": title_en, "access_url": url}
    url = f"{SITE}/data/{name}/{name}{ending}"
    return {"format": file_type, "title": title, "title_en": title_en, "access_url": url, "download_url": url}


def _services() -> None:
    for name, publisher, title, title_en, text, text_en, path, prefixes in SERVICES:
        if DataService.objects.filter(name=name).exists():
            continue
        organisation = Organisation.objects.filter(name=publisher).first()
        if organisation is None:
            continue
        service = DataService(
            name=name, publisher=organisation, title=title, title_en=title_en, description=text,
            description_en=text_en, endpoint_url=f"{SITE}/api/{path}",
            endpoint_description=f"{SITE}/api/{path}/openapi.json", licence=CC0,
        )  # fmt: skip
        service.full_clean()
        save_as(service, None)
        served = [
            pk
            for pk, dataset_name in Dataset.objects.public().filter(publisher=organisation).values_list("pk", "name")
            if dataset_name.startswith(prefixes)
        ]
        service.datasets.set(served)


def _uses() -> None:
    initiatives = Initiative.objects.in_bulk([slug for slug, _names in USES], field_name="slug")
    names = {name for _slug, dataset_names in USES for name in dataset_names}
    datasets = Dataset.objects.public().in_bulk(list(names), field_name="name")
    for slug, dataset_names in USES:
        initiative = initiatives.get(slug)
        if initiative is None:
            continue
        for name in dataset_names:
            if name in datasets:
                DatasetUse.objects.get_or_create(
                    dataset=datasets[name], initiative=initiative, defaults={"noted_by_id": initiative.lead_id}
                )

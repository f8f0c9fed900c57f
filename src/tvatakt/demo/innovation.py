"""The demo's two consultations: "Framtidens Stockholm", open for support now, and "Digitala vardagen", closed with
results. About eighty ideas from people aged 7 to 85, startups, companies, researchers and the city's own staff,
in every state: waiting for the e-mailed link, published, hidden with a reason, and answered in each way. Some
were entered at a library's help desk by the host "vard". Everything is built through the services, as a person
would have done it; the dates are then moved back so the consultations have a history."""

import datetime

from django.utils import timezone
from django.utils.text import slugify

from tvatakt.innovation import services
from tvatakt.innovation.choices import Outcome, Phase
from tvatakt.innovation.models import Comment, Consultation, Idea
from tvatakt.organisation.models import Organisation, Person
from tvatakt.portfolio.models import Initiative

STRATEGY_URL = "https://strategi.demo.example.org/digital-utveckling-2027-2030"
RUNS = "it-direktor"  # the IT director runs the consultations in the demo
DESK = "vard"  # the event host at Tensta library, who enters ideas for visitors at the help desk
NOT_SUPPORTING = {"admin", "medborgare"}  # the citizen is left free to support any idea himself

# Who gave each idea: "e:Name" without an account (an e-mailed link), "@username" with one, "v:Name" at the desk.
# What became of it: "pending" (the link not followed yet), "published", "hidden:reason", "review:answer",
# "strategy:answer" (a link into the strategy), "initiative:slug:answer", "not:reason".
# (who, kind, age group, district, title, text, what became of it, supports)
FRAMTIDEN = [
    ("e:Elsa, 9 år", "citizen", "7-12", "Bromma", "En app som visar var bussen är på riktigt 🚌",
     "Jag och mamma väntar ofta på 172:an och skylten säger ”3 min” i tio minuter. Kan man se var bussen faktiskt "
     "är? Då kan jag vara inne längre när det är kallt.",
     "review:Tack, Elsa! Bussarna sköts av Region Stockholm, men vi tar med din idé till vårt samarbete med dem om "
     "realtidsdata.", 34),
    ("v:Greta, 85", "citizen", "75-85", "Farsta", "Kunna ringa en människa i stället för att få en länk",
     "Jag har ingen dator. När jag ringer staden säger de att jag ska gå in på hemsidan. Jag vill att det alltid "
     "finns ett telefonnummer där någon svarar och kan göra ärendet åt mig.",
     "strategy:Idén finns med i strategins del ”Ingen lämnas utanför”: varje e-tjänst ska också gå att klara per "
     "telefon och vid ett besök.", 41),
    ("e:Amir, grundare av Lokalappen", "startup", "30-49", "", "Öppna bokningen av stadens lokaler med ett API",
     "Vi bygger en app för föreningar som letar lokal. I dag måste man mejla varje stadsdelsförvaltning för sig. Om "
     "bokningssystemen hade ett öppet API med lediga tider kunde vi och andra bygga bättre tjänster ovanpå.",
     "review:Vi utreder det tillsammans med Idrottsförvaltningen, som just nu upphandlar ett nytt bokningssystem.",
     18),
    ("@medborgare", "citizen", "50-64", "Södermalm", "Anmäl trasig gatubelysning med en bild",
     "Det borde räcka att ta en bild med mobilen, så hittar appen platsen själv. I dag måste man beskriva exakt "
     "vilken lyktstolpe det gäller, och det är svårt när det är mörkt.", "published", 22),
    ("e:Kerstin och Bosse", "citizen", "65-74", "Skarpnäck", "Digital brevlåda även för oss utan BankID",
     "Vi har inte BankID och vill inte ha det heller. Men vi vill gärna få brev från staden digitalt. Kan man logga "
     "in med en kod som skickas hem med posten?",
     "not:En digital brevlåda kräver en säker inloggning, och utan e-legitimation kan vi inte erbjuda det. Breven "
     "fortsätter att komma med posten, och i strategin står att de ska vara skrivna på klarspråk.", 9),
    ("e:Liam, 12 år", "citizen", "7-12", "Hässelby-Vällingby", "Läxhjälp på nätet på kvällen 📚",
     "Min storebror fick läxhjälp på biblioteket men det stänger tidigt. Det vore bra med en chatt där man kan "
     "fråga en lärare på kvällen, typ till klockan nio.", "published", 27),
    ("@ambassador", "staff", "30-49", "", "Samma inloggning till alla skolans system",
     "Lärarna har minst fem inloggningar: lärplattformen, frånvaron, schemat, e-posten och lönesystemet. Med en "
     "gemensam inloggning sparar varje lärare flera minuter om dagen, och eleverna slipper glömda lösenord.",
     "initiative:programmet-skolnav-gemensam-digital-plattform-for-skolan:Idén ingår nu i programmet Skolnav, som "
     "tar fram en gemensam inloggning till skolans system.", 15),
    ("e:Sofia på ett IoT-bolag i Kista", "company", "30-49", "", "En gemensam plattform för stadens sensordata",
     "Varje förvaltning köper egna sensorer och egna plattformar. Om staden samlade sensordatan på ett ställe, i "
     "öppna format, skulle både staden och näringslivet ha nytta av den.",
     "initiative:programmet-sensorstaden-uppkopplade-gatumiljoer:Det här gör programmet Sensorstaden: en plattform "
     "för all sensordata, med öppna gränssnitt.", 12),
    ("e:Maria L., forskare i data och samhälle", "academia", "50-64", "",
     "Låt forskare använda stadens data i en säker miljö",
     "Mycket av stadens data kan inte bli öppna data av integritetsskäl. Med en säker analysmiljö, där känsliga "
     "uppgifter aldrig lämnar staden, skulle forskare ändå kunna göra nytta av dem.",
     "strategy:Strategin tar upp en säker analysmiljö för forskning under ”Data som gemensam resurs”.", 11),
    ("v:Åke, 79", "citizen", "75-85", "Skärholmen", "Surfplattekurs på biblioteket varje vecka",
     "Jag var på seniorcaféet och lärde mig att ringa videosamtal till barnbarnet i Göteborg. Det var jättebra, men "
     "det var bara en gång. Jag vill ha det varje vecka, annars glömmer man.",
     "review:Kulturförvaltningen ser över om seniorcaféerna kan bli återkommande på fler bibliotek.", 19),
    ("e:Noor", "citizen", "18-29", "Järva", "Stadens viktigaste e-tjänster på fler språk",
     "Min mamma läser arabiska och somaliska bättre än svenska. När hon ska söka förskoleplats måste jag hjälpa "
     "till. De viktigaste e-tjänsterna borde finnas på fler språk och på lättläst svenska.", "published", 38),
    ("e:Henrik", "startup", "30-49", "", "Ett digitalt kvitto på allt man betalar till staden",
     "Avgifter för förskola, parkering, bygglov och sophämtning kommer i olika format. Ett samlat digitalt kvitto i "
     "ett öppet format skulle göra det lätt för hushåll och små företag att ha koll.", "published", 4),
    ("e:Maja, 15 år", "citizen", "13-17", "Kungsholmen", "Se lediga tider i sporthallen i mobilen 🏀",
     "Vi är några kompisar som vill spela basket på kvällarna men vet aldrig om hallen är ledig. Det vore nice att "
     "se lediga tider och kunna boka själva.",
     "initiative:upphandling-av-bokningssystem-for-idrottsanlaggningar:Bra idé! Idrottsförvaltningen upphandlar ett "
     "nytt bokningssystem där alla kan se och boka lediga tider.", 29),
    ("e:Lars", "citizen", "50-64", "Bromma", "Ett ställe för alla mina ärenden hos staden",
     "Jag har ärenden hos stadsbyggnadskontoret, förskolan och parkeringen, och alla har egna sidor. Jag vill ha en "
     "sida med ”mina ärenden” där jag ser hur långt allt har kommit.", "published", 31),
    ("e:Klockkungen", "company", "", "", "Köp billiga klockor här!!! 💰💰💰",
     "Bästa priserna på märkesklockor, fri frakt. Besök vår webbshop i dag!",
     "hidden:Reklam som inte handlar om frågan.", 0),
    ("e:Arg förälder", "citizen", "30-49", "", "Handläggaren på förvaltningen borde sparkas",
     "Hon som heter Anna på avdelningen svarar aldrig på mina mejl. Hon är helt värdelös och borde sparkas.",
     "hidden:Idén pekar ut en anställd. Har du klagomål på hur ett ärende sköts, skriv till stadens "
     "synpunktshantering, så svarar vi dig där.", 0),
    ("e:Ingrid", "citizen", "65-74", "Norra innerstaden", "Större text på stadens webbplats",
     "Jag ser dåligt och texten på webbplatsen är för liten. Kan det finnas en knapp som gör allt större?",
     "pending", 0),
    ("e:Oskar, 8 år (pappa skriver)", "citizen", "7-12", "Enskede-Årsta-Vantör",
     "En robot som plockar skräp i parken 🤖",
     "Det ligger mycket skräp i parken efter helgen. En robot kunde åka runt och plocka upp det, och den kunde "
     "prata med barnen om att inte skräpa ner.", "pending", 0),
    ("e:Eva på ett arkitektkontor", "company", "50-64", "", "Bygglovsansökan med 3D-ritning",
     "Vi ritar allt i 3D men måste skicka in platta pdf:er. Låt oss lämna in modellen direkt, så går granskningen "
     "fortare.", "pending", 0),
    ("@initiativledare", "staff", "30-49", "", "Färre pappersblanketter i hemtjänsten",
     "Personalen fyller fortfarande i papper vid varje besök, som sedan skrivs in en gång till på kontoret. Det "
     "borde räcka med en gång, i mobilen.", "published", 6),
    ("e:Jonas, Kista Science City", "company", "30-49", "", "Testbädd för självkörande minibussar",
     "Låt oss testa självkörande minibussar på en sträcka i Kista, med stadens trafikdata. Vi har fordonen och "
     "behöver en plats och en partner.", "published", 7),
    ("e:Hanna", "citizen", "30-49", "Enskede-Årsta-Vantör", "Förskolans information i en app i stället för lappar",
     "Varje vecka kommer lappar hem i väskan, och hälften försvinner. Om förskolan kunde skicka informationen i en "
     "app, med översättning, skulle alla föräldrar få den.",
     "review:Utbildningsförvaltningen undersöker det i arbetet med den gemensamma plattformen för förskola och "
     "skola.", 25),
    ("e:Yusuf", "citizen", "18-29", "Järva", "Gratis wifi i alla parker och på torgen",
     "Alla har inte mobildata hela månaden. Med wifi på torgen kan fler använda e-tjänsterna och plugga ute.",
     "not:Vi bygger inte ut wifi utomhus: mobilnätet täcker staden, och kostnaden blir för hög. Fritt wifi finns på "
     "alla bibliotek och medborgarkontor.", 14),
    ("v:Birgitta, 81", "citizen", "75-85", "Kungsholmen", "Färdtjänst som går att beställa utan app",
     "Jag kan inte använda appen för färdtjänst, och det tar lång tid att komma fram på telefon. Kan man få en "
     "fast tid varje vecka, som ett abonnemang?", "published", 8),
    ("e:Leila, grundare", "startup", "30-49", "", "AI-tolk vid besök på medborgarkontoret",
     "Vi har en tjänst som tolkar tal mellan svenska och tolv språk i realtid. Den kunde hjälpa på "
     "medborgarkontoren när ingen tolk finns på plats.", "published", 10),
    ("@jurymedlem", "academia", "50-64", "", "Mät om e-tjänsterna faktiskt blir enklare",
     "Staden lanserar många e-tjänster men följer sällan upp om de blev enklare att använda. Mät hur lång tid "
     "ärendet tar och hur många som ger upp, före och efter, och publicera resultaten öppet.",
     "strategy:Ingår i strategins uppföljning: varje ny e-tjänst mäts före och efter, och resultaten publiceras.",
     16),
    ("e:Tove", "citizen", "30-49", "Hägersten-Älvsjö", "Påminnelse innan biblioteksboken ska lämnas 📖",
     "Jag glömmer alltid. Ett sms två dagar innan skulle spara mig många förseningsavgifter.",
     "not:Det finns redan: logga in på bibliotekets webbplats och välj påminnelse via e-post. Vi gör inställningen "
     "lättare att hitta.", 5),
    ("e:Ali", "citizen", "18-29", "Farsta", "Hitta lediga laddplatser för elbil",
     "En karta över stadens laddplatser som visar vilka som är lediga just nu.", "published", 13),
    ("e:Familjen Nguyen", "citizen", "30-49", "Skärholmen", "Sjukanmäl barnet till skolan med ett klick",
     "I dag ska man ringa en telefonsvarare före klockan åtta. Det borde gå att göra i en app, och att se att "
     "anmälan har kommit fram.", "published", 20),
    ("e:Per, åkeri", "company", "50-64", "", "Digital vägvisning för leveranser till stadens fastigheter",
     "Våra chaufförer letar ofta efter rätt entré på skolor och äldreboenden. En karta med lastintag och portkoder "
     "för leverantörer skulle spara mycket tid.", "published", 3),
    ("@datapublicerare", "staff", "30-49", "", "Stadens protokoll som sökbar text",
     "Många protokoll finns bara som inskannade pdf:er. Som sökbar text blir de tillgängliga för skärmläsare och "
     "går att söka i.", "published", 9),
    ("e:Astrid, 7 år (med mormor)", "citizen", "7-12", "Södermalm", "En lekplatskarta som visar gungorna 🛝",
     "Jag vill veta vilken lekplats som har en stor gunga och en lång rutschkana. Mormor säger att man kan göra en "
     "karta.", "review:Vi undersöker en karta över lekplatserna med öppna data, som den över utegymmen.", 44),
    ("e:Mikael", "company", "30-49", "", "Öppna data om snöröjningen i realtid ❄️",
     "Om stadens snöröjare delade var de har varit kunde appar visa vilka cykelbanor som är plogade.", "published",
     17),
    ("e:Zeynep, student", "academia", "18-29", "", "Studenter som hjälper äldre med e-tjänster",
     "Jag läser till socionom och skulle gärna jobba extra som digital fadder åt äldre. Staden kunde förmedla "
     "kontakten, så blir det tryggt för båda.", "published", 23),
    ("v:Gunnar, 77", "citizen", "75-85", "Hässelby-Vällingby", "Hjälp med räkningarna när bankkontoret stängt",
     "Mitt bankkontor har stängt och jag vet inte hur jag ska betala räkningarna. Kan biblioteket hjälpa till "
     "med det?", "published", 12),
    ("e:Emma", "citizen", "30-49", "Bromma", "Sms när sophämtningen är försenad",
     "Kärlet står ute en hel dag i onödan när hämtningen blir sen. Ett sms skulle räcka.", "published", 6),
    ("e:Kalle, 13 år", "citizen", "13-17", "Farsta", "Skolmaten i en app med tummen upp 🍝",
     "Man borde kunna se vad det blir för mat och ge tummen upp eller ner. Då vet kökschefen vad vi gillar.",
     "published", 30),
    ("e:Arg medborgare", "citizen", "", "", "Alla politiker är idioter",
     "Ingen av er fattar något. Idioter allihop.",
     "hidden:Inlägget innehåller bara förolämpningar. Skriv gärna en ny idé om vad som borde bli bättre.", 0),
    ("e:Ulla", "citizen", "65-74", "Norra innerstaden", "Se hemtjänstens planering i mobilen",
     "Min man har hemtjänst. Jag vill kunna se vilka som kommer och när, så att jag kan planera min dag.",
     "review:Äldreförvaltningen tar med idén i upphandlingen av ett nytt planeringssystem för hemtjänsten.", 11),
    ("@amb-aldreforvaltningen", "staff", "50-64", "", "Digital tillsyn på natten för den som vill",
     "Många äldre väcks av nattliga tillsynsbesök. Med digital tillsyn, för dem som själva vill, får de sova och "
     "personalen hinner mer.", "published", 5),
    ("e:Rasmus", "startup", "18-29", "", "Lediga cykelparkeringar i realtid 🚲",
     "Vid Centralen är det omöjligt att hitta en plats. Sensorer i cykelställen kunde visa var det finns plats.",
     "published", 8),
    ("e:Fatima H.", "citizen", "30-49", "Järva", "Filmer på teckenspråk om stadens tjänster",
     "Jag är döv. Texten på webben är ofta svår, men en kort film på teckenspråk om varje tjänst skulle hjälpa "
     "mig och många andra.", "published", 7),
    ("@sammankallande", "staff", "30-49", "", "En gemensam felanmälan för alla bostadsbolag",
     "De tre bostadsbolagen har olika sätt att felanmäla. En gemensam ingång vore enklare för hyresgästerna.",
     "published", 10),
    ("e:Jakob, doktorand", "academia", "30-49", "", "Öppen källkod för stadens appar",
     "Det som staden betalar för borde andra kommuner kunna återanvända. Publicera koden öppet.", "published", 19),
    ("e:Sara och Leo", "citizen", "30-49", "Kungsholmen", "Stadens tider i min kalender",
     "Inskolning, utvecklingssamtal, sophämtning och städdagar med parkeringsförbud. Ge mig en kalender att "
     "prenumerera på, så missar jag inget.", "published", 21),
    ("e:Märta, 84 (barnbarnet skriver)", "citizen", "75-85", "Farsta", "Hjälp på plats när e-tjänsten krånglar",
     "Farmor vill kunna gå till någon i Farsta centrum när hon fastnar i en e-tjänst, inte bara ringa.",
     "pending", 0),
    ("e:Oliver, 10 år", "citizen", "7-12", "Enskede-Årsta-Vantör", "Ett spel där man lär sig sortera sopor ♻️",
     "Om man får poäng när man sorterar rätt blir det roligt. Sen kan man tävla mot sin klass.", "published", 16),
    ("e:Anna-Karin, litet it-bolag", "company", "50-64", "", "Enklare upphandlingar för små it-bolag",
     "Som litet bolag orkar vi inte svara på jättestora upphandlingar. Dela upp dem och använd "
     "innovationsupphandling oftare.",
     "review:Vi ser över hur upphandlingarna kan delas upp, tillsammans med Serviceförvaltningen.", 9),
    ("e:Dragan", "citizen", "50-64", "Skarpnäck", "Se bilden på parkeringsboten och överklaga digitalt",
     "Jag fick en bot som jag tror är fel. Jag vill se bilden som togs och kunna överklaga direkt.", "published", 4),
]  # fmt: skip

VARDAGEN = [
    ("e:Birgitta", "citizen", "65-74", "Bromma", "Påminnelse om sophämtningen med sms",
     "Vi glömmer ofta att ställa ut kärlet. Ett sms kvällen innan vore toppen.",
     "initiative:sms-paminnelser-om-sophamtning:Nu kan alla villahushåll få en påminnelse med sms kvällen innan.",
     26),
    ("e:Patrik", "citizen", "30-49", "Södermalm", "Parkeringstillstånd utan papperslapp",
     "Lappen i rutan bleknar och blåser bort. Tillståndet borde vara kopplat till registreringsnumret.",
     "initiative:parkeringstillstand-direkt-i-mobilen:Parkeringstillstånden blir digitala och kopplas till "
     "registreringsnumret.", 19),
    ("e:Johanna", "citizen", "30-49", "Hägersten-Älvsjö", "Söka förskoleplats utan att skriva ut blanketter",
     "Jag har ingen skrivare hemma. Varför måste jag skriva ut, skriva under och skanna in?",
     "initiative:digital-inskrivning-i-forskolan:Inskrivningen i förskolan blir digital, med underskrift med "
     "e-legitimation.", 33),
    ("v:Sven, 82", "citizen", "75-85", "Järva", "Boka tid på stadsdelsförvaltningen i stället för att köa",
     "Jag får stå länge i kön i receptionen. Kan man få en tid, som hos tandläkaren?",
     "initiative:tidsbokning-for-besok-pa-jarva-stadsdelsforvaltning:Nu går det att boka tid, på webben eller per "
     "telefon.", 14),
    ("e:Nadia", "citizen", "18-29", "Järva", "Breven från staden är svåra att förstå",
     "Jag förstår inte alltid vad jag ska göra när jag får ett beslut. Skriv enklare.",
     "initiative:klarsprak-med-ai-i-stadens-brev:Ett försök med klarspråk i stadens brev är på gång.", 22),
    ("e:Mats", "citizen", "50-64", "Skarpnäck", "Fråga om bostadskön på kvällen",
     "Kundtjänsten har bara öppet när jag jobbar. Jag vill kunna få svar på enkla frågor på kvällen.",
     "initiative:chattbot-for-fragor-om-bostadskon:En chattbot svarar på frågor om bostadskön dygnet runt.", 12),
    ("e:Elias, 11 år", "citizen", "7-12", "Skärholmen", "Karta över utegym och spontanidrott 💪",
     "Jag vill veta var det finns utegym och basketkorgar nära mig.",
     "initiative:digital-karta-over-utegym:Kartan finns nu, med alla stadens utegym.", 17),
    ("e:Karin, lärare", "company", "30-49", "", "Lösenord som eleverna kan byta själva",
     "Varje måndag går första lektionen åt till glömda lösenord.",
     "initiative:sjalvservice-for-losenord-i-skolan:Eleverna kan nu byta lösenord själva.", 8),
    ("e:Anneli", "citizen", "30-49", "Bromma", "Samma inloggning överallt",
     "Jag har olika inloggningar till förskolan, skolan och parkeringen. Det borde räcka med en.",
     "strategy:Målet om en gemensam inloggning finns i strategin.", 20),
    ("@ambassador", "staff", "30-49", "", "Gemensamt utseende på stadens e-tjänster",
     "Varje förvaltning har sin egen design. Med ett gemensamt designsystem känner man igen sig.",
     "strategy:Strategin inför ett gemensamt designsystem för alla e-tjänster.", 7),
    ("e:Robert", "startup", "30-49", "", "Öppna data om lediga parkeringsplatser",
     "Vi vill visa lediga platser i vår navigationsapp men saknar data.",
     "initiative:oppet-api-for-lediga-parkeringsplatser:API:t finns nu och är öppet för alla.", 11),
    ("e:Leyla", "citizen", "30-49", "Kungsholmen", "E-tjänster som fungerar med skärmläsare",
     "Jag är blind och kommer inte förbi vissa formulär. Testa med skärmläsare innan ni lanserar!",
     "initiative:programmet-tillganglig-webb:Programmet Tillgänglig webb testar alla e-tjänster med skärmläsare.",
     24),
    ("e:Olle, 70", "citizen", "65-74", "Hässelby-Vällingby", "Webbplatsen ändras hela tiden",
     "Så fort jag har lärt mig var saker finns flyttar ni dem.",
     "not:Webbplatsen måste kunna förbättras, så vi kan inte lova att inget flyttas. Större förändringar visar vi "
     "i förväg på biblioteken.", 6),
    ("e:Hussein", "citizen", "30-49", "Skärholmen", "Betala förskoleavgiften med Swish",
     "Alla använder Swish. Varför kan jag inte betala förskolan så?",
     "not:Avgiften betalas med autogiro eller e-faktura, som sköter sig själva varje månad. Swish passar inte för "
     "återkommande betalningar, så vi tar inte idén vidare nu.", 15),
    ("e:Lisa, forskare", "academia", "30-49", "", "Öppna besöksdata från biblioteken",
     "Vi forskar på hur biblioteken används. Anonyma besöksdata per timme vore guld värda.",
     "initiative:rakna-besokare-i-biblioteken-med-wifi:Biblioteken räknar besökare anonymt och publicerar "
     "siffrorna som öppna data.", 6),
    ("v:Rut, 84", "citizen", "75-85", "Farsta", "Svårt att logga in med mobilt BankID",
     "Jag har fått BankID men förstår inte vad jag ska göra när appen öppnas.",
     "strategy:Strategin ger varje bibliotek digital hjälp på plats, också med BankID.", 18),
    ("e:Viktor, 16 år", "citizen", "13-17", "Farsta", "Busskortet för skolan i mobilen",
     "Jag tappar alltid skolkortet. Kan det inte ligga i mobilen?",
     "not:Skolkorten för SL sköts av Region Stockholm, inte av staden. Vi har skickat vidare din idé till dem.", 21),
    ("e:Gabriella, konsult", "company", "30-49", "", "Fakturor till staden i ett öppet format",
     "Vi får skicka fakturor i tre olika portaler. En standard, Peppol, vore enklare.",
     "review:Serviceförvaltningen ser över hur leverantörer kan skicka alla fakturor på samma sätt.", 4),
    ("e:Therese", "citizen", "30-49", "Farsta", "Frånvaro för fritids i samma app som skolan",
     "I dag är det två olika appar, och det blir lätt fel.",
     "review:Det utreds i programmet Skolnav.", 12),
    ("@initiativledare", "staff", "30-49", "", "Digitala möten med ställföreträdare",
     "Gode män reser långt för korta möten. Låt oss ses digitalt när det passar.",
     "initiative:digitala-moten-for-stallforetradare:Mötena kan nu hållas digitalt.", 5),
    ("e:Monica", "citizen", "50-64", "Norra innerstaden", "Samma uppgifter i blankett efter blankett",
     "Jag skriver mitt namn, personnummer och adress om och om igen. Staden vet ju redan!",
     "strategy:Principen ”fråga bara en gång” finns nu i strategin.", 20),
    ("e:Bengt, 76", "citizen", "75-85", "Södermalm", "Ett kvitto när hemtjänsten har varit här",
     "Min dotter vill veta att hemtjänsten har kommit, men jag minns inte alltid.",
     "initiative:digitalt-kvitto-pa-hemtjanstbesok:Nu kan anhöriga få ett digitalt kvitto efter varje besök.", 9),
    ("e:Joel", "startup", "18-29", "", "Öppna data om luftkvaliteten",
     "Vi vill bygga en app för astmatiker, men luftdatan går inte att hämta automatiskt.",
     "initiative:oppet-api-for-luftkvalitet:Ett öppet API för luftkvaliteten är på gång.", 10),
    ("e:Aisha, 16 år", "citizen", "13-17", "Järva", "Söka sommarjobb utan att skriva ut CV",
     "Jag vill söka feriejobb men har ingen skrivare och inget CV.",
     "initiative:digital-anmalan-till-feriejobb:Anmälan till feriejobb är nu digital, utan CV.", 27),
    ("e:Göran", "citizen", "65-74", "Bromma", "Svårt att hitta ett telefonnummer",
     "På varje sida står det att jag ska använda e-tjänsten. Var finns numret?",
     "strategy:Strategin säger att telefonnumret ska finnas på varje sida med en e-tjänst.", 13),
    ("e:SEO-experten", "company", "", "", "Bästa SEO-tjänsterna – första plats på Google!",
     "Vi gör er webbplats synlig. Kontakta oss för ett gratis erbjudande.",
     "hidden:Reklam som inte handlar om frågan.", 0),
    ("e:Camilla", "citizen", "30-49", "Hägersten-Älvsjö", "Felanmäl klotter med en bild",
     "Jag ser klotter varje dag men orkar inte ringa. Låt mig skicka en bild.",
     "initiative:bildigenkanning-av-klotter-i-felanmalningar:Felanmälan med bild provas nu.", 10),
    ("e:Stefan", "company", "50-64", "", "Blockkedja för alla stadens avtal",
     "Med blockkedja kan ingen ändra i avtalen i efterhand.",
     "not:Staden har provat blockkedja för tomträttsavtal och avbröt försöket: tekniken gav inget som en vanlig "
     "databas med loggning inte redan ger.", 2),
    ("e:Ebba, 14 år", "citizen", "13-17", "Kungsholmen", "Skolschemat i mobilens kalender 📅",
     "Det vore smidigt om schemat syntes i kalendern i mobilen, med ändringarna.",
     "review:Det tas med i programmet Skolnav.", 14),
    ("e:Kjell", "citizen", "50-64", "Bromma", "Mindre krångel med bygglov för altanen",
     "Jag vet inte ens om jag behöver bygglov. Ge mig ett enkelt svar.",
     "initiative:chattbot-for-fragor-om-bygglov:En chattbot svarar nu på om du behöver bygglov.", 7),
]  # fmt: skip

COMMENTS = [  # (idea title, username, comment)
    ("En app som visar var bussen är på riktigt 🚌", "it-direktor", "Vilken bra idé, Elsa. Vi tar den med oss."),
    ("En app som visar var bussen är på riktigt 🚌", "ambassador", "Samma sak vid min hållplats i Bromma!"),
    ("Kunna ringa en människa i stället för att få en länk", "vard",
     "Många som kommer till bibliotekets digitala hjälp säger precis samma sak."),
    ("Stadens viktigaste e-tjänster på fler språk", "amb-jarva-stadsdelsforvaltning",
     "I Järva skulle det göra stor skillnad. Vi hjälper gärna till att testa."),
    ("Stadens viktigaste e-tjänster på fler språk", "sammankallande", "Lättläst svenska hjälper också många."),
    ("Skolmaten i en app med tummen upp 🍝", "ambassador", "Kökscheferna i Farsta vill gärna testa det här."),
    ("Öppen källkod för stadens appar", "datapublicerare", "Håller med, och med en öppen licens från början."),
    ("Testbädd för självkörande minibussar", "data-trafikkontoret", "Vilka data från oss skulle ni behöva?"),
    ("En lekplatskarta som visar gungorna 🛝", "initiativledare", "Det här är en perfekt liten sprint."),
    ("Ett ställe för alla mina ärenden hos staden", "enhetschef", "Vi tittar på det i e-tjänsteplattformen."),
    ("Sjukanmäl barnet till skolan med ett klick", "radsledamot", "Telefonsvararen är verkligen ett problem."),
    ("Samma inloggning överallt", "sammankallande", "Äntligen!"),
]  # fmt: skip
RUDE_COMMENT = ("Stadens viktigaste e-tjänster på fler språk", "jury-nilsson",
                "Lär er svenska i stället, det här är Sverige.")  # fmt: skip
OPEN_REPORTS = [  # (idea title, username or None for anonymous, reason); the rude comment's report is added too
    ("Testbädd för självkörande minibussar", None, "Det här låter som reklam för ett enskilt företag."),
]
DISMISSED = ("Låt forskare använda stadens data i en säker miljö", "amb-socialforvaltningen",
             "Är det här verkligen lagligt med tanke på personuppgifterna?")  # fmt: skip

RESULTS = (
    "Tack till alla som var med! Ni gav 29 idéer, och staden har svarat på varenda en. Sjutton har blivit initiativ "
    "i portföljen, fem finns med i handlingsplanen, tre utreds vidare, och fyra tar vi inte vidare: där står varför. "
    "Det viktigaste vi lärde oss: det ska alltid gå att få hjälp av en människa, per telefon eller på plats."
)
SLUGS = ["framtidens-stockholm", "digitala-vardagen"]


def load_demo_innovation() -> int:
    """Make what is missing (each consultation once). Returns how many ideas there are."""
    director = Person.objects.filter(username=RUNS).first()
    asks = Organisation.objects.filter(name="Stadsledningskontoret").first()
    if director is None or asks is None:
        return Idea.objects.count()
    now = timezone.now()
    if not Consultation.objects.filter(slug="framtidens-stockholm").exists():
        consultation = Consultation.objects.create(
            slug="framtidens-stockholm", title="Hur kan digitaliseringen göra ditt liv enklare?",
            title_en="How can digitalisation make your life easier?",
            description="Staden tar fram en ny strategi för digital utveckling, och vi vill höra från dig, oavsett om "
                        "du är 7 eller 85 år, driver ett startupbolag, forskar eller jobbar i staden. Berätta vad som "
                        "skulle göra din vardag enklare. Du kan också lämna din idé på biblioteket.",
            description_en="The city is writing a new strategy for digital development, and we want to hear from "
                           "you, whether you are 7 or 85, run a startup, do research or work for the city. Tell us "
                           "what would make your everyday life easier. You can also give your idea at a library.",
            audience="Alla som bor, arbetar eller driver företag i Stockholm, från 7 till 85 år.",
            organisation=asks, strategy_title="Stockholms stads strategi för digital utveckling 2027–2030",
            strategy_url=STRATEGY_URL, created_by=director,
        )  # fmt: skip
        # Still open for ideas (and for support, which the ideas phase takes too): the demo shows giving one.
        _ideas(consultation, FRAMTIDEN, director, started=now - datetime.timedelta(days=45), days=42)
        _backdate(consultation, now - datetime.timedelta(days=45))
    if not Consultation.objects.filter(slug="digitala-vardagen").exists():
        service = Organisation.objects.filter(name="Serviceförvaltningen").first() or asks
        consultation = Consultation.objects.create(
            slug="digitala-vardagen", title="Vad krånglar i din digitala vardag med staden?",
            title_en="What makes your digital everyday life with the city difficult?",
            description="Berätta vad som är krångligt när du använder stadens e-tjänster, så vet vi vad vi ska "
                        "rätta först.",
            description_en="Tell us what is difficult when you use the city's e-services, so we know what to "
                           "fix first.",
            audience="Alla som använder stadens e-tjänster.", organisation=service,
            strategy_title="Handlingsplan för e-tjänster 2025–2026",
            strategy_url=STRATEGY_URL.replace("2027-2030", "handlingsplan-2025"), created_by=director,
        )  # fmt: skip
        _ideas(consultation, VARDAGEN, director, started=now - datetime.timedelta(days=420), days=60)
        services.set_phase(consultation=consultation, actor=director, phase=Phase.SUPPORT)
        services.set_phase(consultation=consultation, actor=director, phase=Phase.REVIEW)
        services.set_phase(consultation=consultation, actor=director, phase=Phase.CLOSED, results=RESULTS)
        _backdate(consultation, now - datetime.timedelta(days=420), answered=now - datetime.timedelta(days=300))
    if not Comment.objects.filter(idea__consultation__slug__in=SLUGS).exists():
        _talk(director)
    return Idea.objects.count()


def _ideas(consultation: Consultation, rows: list, director: Person, *, started, days: int) -> None:
    desk = Person.objects.filter(username=DESK).first()
    districts = {o.name.removesuffix(" stadsdelsförvaltning"): o for o in Organisation.objects.filter(
        kind="district_administration")}  # fmt: skip
    supporters = list(Person.objects.filter(is_active=True).exclude(username__in=NOT_SUPPORTING).order_by("username"))
    answered = []
    for number, (who, kind, age, district, title, body, fate, supports) in enumerate(rows):
        fields = {"consultation": consultation, "title": title, "body": body, "kind": kind, "age_group": age,
                  "district": districts.get(district)}  # fmt: skip
        how, _colon, name = who.partition(":")
        if who.startswith("@"):
            idea = services.submit_idea(actor=Person.objects.get(username=who[1:]), **fields)
        elif how == "v" and desk is not None:
            idea = services.submit_idea(actor=desk, on_behalf=True, name=name, **fields)
        else:
            email = f"{slugify(name)[:30]}-{number}@demo.example.org"
            idea = services.submit_idea(name=name, email=email, **fields)
            if fate != "pending":
                idea = services.confirm_idea(idea=idea)
        when = started + datetime.timedelta(days=days * number / len(rows), hours=number % 9)
        if fate == "pending":  # sent in the last days, and its link (valid a week) not followed yet
            when = timezone.now() - datetime.timedelta(days=1 + number % 3, hours=number % 5)
        Idea.objects.filter(pk=idea.pk).update(created_at=when, confirmed_at=idea.confirmed_at and when)
        for offset in range(supports):
            services.support(idea=idea, actor=supporters[(number * 7 + offset) % len(supporters)])
        answered.append((idea, fate))
    for idea, fate in answered:
        _fate(idea, fate, director)


def _fate(idea: Idea, fate: str, director: Person) -> None:
    what, _colon, text = fate.partition(":")
    if what == "hidden":
        services.report(idea=idea, reason="Det här hör inte hemma här.")
        services.hide_idea(idea=idea, actor=director, reason=text)
    elif what == "review":
        services.answer(idea=idea, actor=director, outcome=Outcome.UNDER_REVIEW, text=text)
    elif what == "strategy":
        services.answer(idea=idea, actor=director, outcome=Outcome.IN_STRATEGY, text=text,
                        url=f"{idea.consultation.strategy_url}#ide-{idea.pk}")  # fmt: skip
    elif what == "not":
        services.answer(idea=idea, actor=director, outcome=Outcome.NOT_TAKEN, text=text)
    elif what == "initiative":
        slug, _colon, text = text.partition(":")
        initiative = Initiative.objects.public().filter(slug=slug).first()
        if initiative is None:  # the portfolio's demo changed: say that it is being looked at
            services.answer(idea=idea, actor=director, outcome=Outcome.UNDER_REVIEW, text=text)
        else:
            services.answer(idea=idea, actor=director, outcome=Outcome.INITIATIVE, text=text, initiative=initiative)


def _backdate(consultation: Consultation, started, answered=None) -> None:
    Consultation.objects.filter(pk=consultation.pk).update(created_at=started)
    if answered is not None:
        consultation.ideas.exclude(answered_at=None).update(answered_at=answered)


def _talk(director: Person) -> None:
    """Comments on the ideas, a rude one reported and waiting for moderation, and a report that was dismissed."""
    people = {person.username: person for person in Person.objects.all()}
    ideas = {idea.title: idea for idea in Idea.objects.filter(consultation__slug__in=SLUGS, state="published")}
    for title, username, body in COMMENTS:
        if title in ideas and username in people:
            services.comment(idea=ideas[title], actor=people[username], body=body)
    title, username, body = RUDE_COMMENT
    if title in ideas and username in people:
        rude = services.comment(idea=ideas[title], actor=people[username], body=body)
        services.report(idea=ideas[title], comment=rude, actor=people.get("amb-jarva-stadsdelsforvaltning"),
                        reason="Främlingsfientligt och ovänligt.")  # fmt: skip
    for title, username, reason in OPEN_REPORTS:
        if title in ideas:
            services.report(idea=ideas[title], actor=people.get(username) if username else None, reason=reason)
    title, username, reason = DISMISSED
    if title in ideas:
        report = services.report(idea=ideas[title], actor=people.get(username), reason=reason)
        services.dismiss_report(report=report, actor=director)
    Comment.objects.filter(idea__consultation__slug="digitala-vardagen").update(
        created_at=timezone.now() - datetime.timedelta(days=380)
    )

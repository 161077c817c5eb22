export const fi = {
  'proposal.open': 'Ehdota suunnitelmaa',
  'proposal.openHint':
    'Kurssipolku ehdottaa kursseja jonossa olevien, ohjaajien, tilojen ja kalenterin perusteella.',
  'proposal.title': 'Ehdota suunnitelmaa: {name}',
  'proposal.intro':
    'Kerro tavoitteet ja rajat. Saat ehdotuksen kursseista: paikkakunta, tila, päivä ja kellonaika, ensimmäinen tapaaminen ja ohjaajapari. Mitään ei tallenneta ennen kuin hyväksyt.',
  'proposal.targetsHeading': 'Tavoitteet ja rajat',
  'proposal.program': 'Kurssiohjelma',
  'proposal.courseCount': 'Kurssien määrä',
  'proposal.earliestStart': 'Aikaisin aloituspäivä',
  'proposal.latestStart': 'Myöhäisin aloituspäivä',
  'proposal.weekdays': 'Päivät, joille kursseja saa ehdottaa',
  'proposal.startTimes': 'Aloitusajat',
  'proposal.startTimesHint':
    'Esimerkiksi 10:00, 13:00, 17:00. Jätä pois ajat, joita haluat välttää.',
  'proposal.maxHours': 'Ohjaajan tunnit lukukaudessa enintään',
  'proposal.maxHoursHint': 'Tapaamiset ja niiden valmistelu, jo suunnitellut mukaan lukien.',
  'proposal.localities': 'Paikkakunnat',
  'proposal.localitiesHint':
    'Jonossa olevat naapuripaikkakunnilla lasketaan mukaan, vaikka heidän paikkakunnallaan ei olisi kurssia.',
  'proposal.locality.may': 'Saa olla kurssi',
  'proposal.locality.must': 'Kurssi tarvitaan',
  'proposal.locality.no': 'Ei kurssia',
  'proposal.submit': 'Ehdota kursseja',
  'proposal.busy': 'Juuri nyt lasketaan monta ehdotusta. Yritä uudelleen hetken päästä.',
  'proposal.goodPlanHeading': 'Mikä on hyvä suunnitelma',
  'proposal.goodPlanIntro':
    'Ehdotus on se suunnitelma, joka saa eniten pisteitä. Pisteitä tulee näin:',
  'proposal.weight.servedHere':
    'jokaisesta jonossa olevasta, jolle kurssilla on paikka omalla paikkakunnalla: {points} p',
  'proposal.weight.servedNearby': 'jokaisesta naapuripaikkakunnalta tulevasta: {points} p',
  'proposal.weight.timeSuits':
    'lisää, kun päivä ja aika sopivat hänelle (puhelinhaastattelun mukaan): {points} p',
  'proposal.weight.deadlineMet':
    'uuden ohjaajan ensimmäinen kurssi tai kurssi, joka säilyttää raukeamassa olevan luvan, ennen määräpäivää: {points} p',
  'proposal.weight.professionalWithPeer':
    'ammattilainen ja vertaisohjaaja samalla kurssilla: {points} p',
  'proposal.weight.extraHour':
    'vähennys jokaisesta tunnista, jonka suunnitelma lisää ohjaajalle yli yhden kurssin verran, jotta työ jakautuu: {points} p',
  'proposal.weight.weekLater':
    'vähennys jokaisesta viikosta, jonka kurssi alkaa aikaisinta aloituspäivää myöhemmin, jotta kukaan ei odota turhaan: {points} p',
  'proposal.weight.stepFree':
    'Esteetöntä tilaa tarvitseva lasketaan palvelluksi vain esteettömässä tilassa.',
  'proposal.hardRulesHeading': 'Säännöt, joista ei jousteta',
  'proposal.hardRule.pair':
    'Jokaisella kurssilla on kaksi ohjaajaa, jotka toimivat sen paikkakunnalla ja joiden lupa on voimassa.',
  'proposal.hardRule.noDoubleBooking':
    'Kukaan ohjaaja eikä mikään tila ole kahdessa paikassa yhtä aikaa (myöskään jo suunniteltujen kurssien kanssa).',
  'proposal.hardRule.capacity': 'Tilaan mahtuu ohjelman enimmäismäärä osallistujia.',
  'proposal.hardRule.online': 'Verkkotila vain verkkokurssille.',
  'proposal.hardRule.hours': 'Kenenkään ohjaajan tunnit eivät ylitä enimmäismäärää.',
  'proposal.hardRule.calendar': 'Pyhät ja estetyt jaksot jätetään väliin.',
  'proposal.blockedHeading': 'Näillä tavoitteilla ei löydy suunnitelmaa',
  'proposal.blocker.no-candidate-course':
    'Valituille päiville ja ajoille ei löydy yhtään kurssia, jonka tapaamiset mahtuisivat kalenteriin.',
  'proposal.blocker.no-venue-capacity': 'Yhteenkään tilaan ei mahdu ohjelman {seats} osallistujaa.',
  'proposal.blocker.no-venue-none':
    'Valituilla paikkakunnilla ei ole yhtään tilaa. Lisää tila paikkakunnan sivulla.',
  'proposal.blocker.no-venue-kind-online':
    'Verkkokurssille tarvitaan verkkotila, eikä valituilla paikkakunnilla ole sellaista.',
  'proposal.blocker.no-venue-kind-in-person':
    'Lähikurssille tarvitaan tila, ja valituilla paikkakunnilla on vain verkkotiloja.',
  'proposal.blocker.required-locality-venue':
    '{locality}: ei vapaata tilaa, johon mahtuu {seats} osallistujaa.',
  'proposal.blocker.required-locality-instructors':
    '{locality}: kahta vapaata ohjaajaa ei ole tarjotuilla päivillä ja ajoilla (paikkakunnalla toimii {working} ohjaajaa, vapaana samaan aikaan enintään {free}).',
  'proposal.blocker.course-count':
    'Sääntöihin mahtuu enintään {most} kurssia: jokaiselle tarvitaan kaksi paikkakunnalla toimivaa vapaata ohjaajaa eikä kukaan voi olla kahdessa paikassa yhtä aikaa.',
  'proposal.blocker.course-count-hours':
    'Ohjaajan {hours} tunnin enimmäismäärään mahtuu enintään {most} kurssia. Nosta enimmäistunteja tai vähennä kursseja.',
  'proposal.blocker.required-together':
    '{count} kurssia ei riitä kaikille paikkakunnille, joille kurssi tarvitaan ({localities}).',
  'proposal.validation.startTimes': 'Kirjoita ajat muodossa 17:00, pilkuilla erotettuina.',
  'proposal.validation.tooManyTimes': 'Enintään kuusi aloitusaikaa.',
  'proposal.validation.pastMidnight':
    'Tapaaminen päättyisi vasta puolenyön jälkeen. Valitse aikaisempi aloitusaika.',
  'proposal.validation.startAfterEnd': 'Myöhäisin aloituspäivä ei voi olla ennen aikaisinta.',
  'proposal.validation.noWeekday': 'Valitse vähintään yksi päivä.',
  'proposal.validation.outsideTerm': 'Päivän pitää olla lukukauden aikana ({from}–{to}).',
  'proposal.validation.noFreeDates':
    'Aikavälillä ei ole yhtään valittua viikonpäivää, joka ei olisi pyhä tai estetty.',
  'proposal.validation.noLocality': 'Kaikki paikkakunnat on jätetty pois.',
  'proposal.reviewTitle': 'Ehdotus: {name}',
  'proposal.reviewIntro':
    'Tarkista kurssit. Voit muuttaa tai pudottaa minkä tahansa. Hyväksyminen lisää pidetyt kurssit lukukauteen suunniteltuina ja lähettää ohjaajille kutsut.',
  'proposal.summary':
    'Ehdotuksen kursseilla on paikka {served} jonossa olevalle: {here} omalla paikkakunnallaan ja {nearby} naapuripaikkakunnalta.',
  'proposal.summaryDeadlines':
    'Ohjaajia, joiden ensimmäinen kurssi tai luvan säilyminen hoituu: {count}.',
  'proposal.summaryHours': 'Kiireisimmän ohjaajan tunnit lukukaudessa: {hours} h.',
  'proposal.notProvenBest':
    'Tämä on paras suunnitelma, joka löytyi aikarajassa; parempaa ei ehditty sulkea pois.',
  'proposal.courseHeading': 'Kurssi {number}: {locality}, {weekday} klo {time}',
  'proposal.why': 'Miksi tämä kurssi',
  'proposal.why.servedHere': '{count} jonossa olevaa paikkakunnalla {locality}',
  'proposal.why.servedNearby': '{count} jonossa olevaa naapuripaikkakunnalta {locality}',
  'proposal.why.stepFree': '{count} tarvitsee esteettömän tilan, ja tämä tila on esteetön',
  'proposal.why.timeSuits': '{count} kertoi tämän päivän ja ajan sopivan',
  'proposal.why.first-course': '{name}: ensimmäinen kurssi ennen kuin lupa raukeaa {date}',
  'proposal.why.lapsing': '{name}: lupa säilyy, kun kurssi alkaa viimeistään {date}',
  'proposal.why.pair': 'Ammattilainen ja vertaisohjaaja yhdessä',
  'proposal.why.nobodyWaiting':
    'Kenellekään jonossa olevalle ei ole tämän kurssin paikkoja; kurssi täyttää kurssimäärän.',
  'proposal.sessions': 'Tapaamiset: {dates}',
  'proposal.keep': 'Pidä tämä kurssi',
  'proposal.venue': 'Tila',
  'proposal.firstDate': 'Ensimmäinen tapaaminen',
  'proposal.startTime': 'Alkaa klo',
  'proposal.instructor1': 'Ohjaaja 1',
  'proposal.instructor2': 'Ohjaaja 2',
  'proposal.audience': 'Kenelle',
  'proposal.audience.open': 'Avoin kaikille',
  'proposal.audience.targeted': 'Kohdennettu ryhmä',
  'proposal.targetService': 'Kenen asiakkaille (kohdennettu ryhmä)',
  'proposal.check': 'Tarkista muutokset',
  'proposal.accept': 'Hyväksy pidetyt kurssit',
  'proposal.accepted': 'Lukukauteen lisättiin {count} kurssia. Ohjaajat saavat kutsut.',
  'proposal.noneKept': 'Pidä vähintään yksi kurssi, tai palaa lukukauteen.',
  'proposal.checked': 'Muutokset tarkistettu: säännöt täyttyvät.',
  'proposal.back': 'Takaisin lukukauteen',
  'proposal.changeTargets': 'Muuta tavoitteita',
  'proposal.rule.two-instructors': 'Kurssille tarvitaan kaksi eri ohjaajaa.',
  'proposal.rule.instructor-locality': 'Ohjaaja ei toimi tällä paikkakunnalla.',
  'proposal.rule.licence': 'Ohjaajan lupa raukeaa ennen kurssin alkua.',
  'proposal.rule.instructor-double-booked': 'Ohjaajalla on samaan aikaan toinen kurssi.',
  'proposal.rule.venue-double-booked': 'Tila on samaan aikaan toisen kurssin käytössä.',
  'proposal.rule.venue-capacity': 'Tilaan mahtuu vähemmän kuin ohjelman {seats} osallistujaa.',
  'proposal.rule.venue-kind':
    'Verkkotila sopii vain verkkokurssille ja lähikurssi vain lähitilaan.',
  'proposal.rule.hours-maximum': 'Ohjaajan tunnit ylittäisivät {hours} tunnin enimmäismäärän.',
  'proposal.rule.venue-elsewhere': 'Valitse tila ehdotuksen paikkakunnilta.',
  'proposal.rule.no-free-dates': 'Liian moni tapaamispäivä osuu pyhälle tai estetylle jaksolle.',
  'proposal.rule.conflict':
    'Menee päällekkäin kurssin {course} kanssa, joka tallennettiin sillä välin.',
  'proposal.rule.venue-archived': 'Tila on poistettu käytöstä sillä välin. Valitse toinen tila.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'proposal.open': 'Propose a plan',
  'proposal.openHint':
    'Kurssipolku proposes courses from the people waiting, the instructors, the venues and the calendar.',
  'proposal.title': 'Propose a plan: {name}',
  'proposal.intro':
    'Set the targets and limits. You get a draft of courses: locality, venue, day and time, first session and instructor pair. Nothing is saved until you accept.',
  'proposal.targetsHeading': 'Targets and limits',
  'proposal.program': 'Programme',
  'proposal.courseCount': 'Number of courses',
  'proposal.earliestStart': 'Earliest first session',
  'proposal.latestStart': 'Latest first session',
  'proposal.weekdays': 'Days courses may be on',
  'proposal.startTimes': 'Start times',
  'proposal.startTimesHint': 'E.g. 10:00, 13:00, 17:00. Leave out the times you want to avoid.',
  'proposal.maxHours': 'Most hours per instructor in the term',
  'proposal.maxHoursHint': 'Sessions and their preparation, including what is already planned.',
  'proposal.localities': 'Localities',
  'proposal.localitiesHint':
    'People waiting in a neighbouring locality count too, even when their own has no course.',
  'proposal.locality.may': 'May have a course',
  'proposal.locality.must': 'Needs a course',
  'proposal.locality.no': 'No course',
  'proposal.submit': 'Propose courses',
  'proposal.busy': 'Many proposals are being worked out right now. Try again in a moment.',
  'proposal.goodPlanHeading': 'What a good plan means',
  'proposal.goodPlanIntro':
    'The proposal is the plan with the most points. Points are given like this:',
  'proposal.weight.servedHere':
    'each person waiting who gets a seat in their own locality: {points} points',
  'proposal.weight.servedNearby':
    'each person coming from a neighbouring locality: {points} points',
  'proposal.weight.timeSuits':
    'more when the day and time suit them (as they said in the phone interview): {points} points',
  'proposal.weight.deadlineMet':
    "a new instructor's first course, or a course that keeps a lapsing licence, before the deadline: {points} points",
  'proposal.weight.professionalWithPeer':
    'a professional and a peer instructor on one course: {points} points',
  'proposal.weight.extraHour':
    "less for each hour the plan gives an instructor beyond one course's worth in the term, so the work is spread: {points} points",
  'proposal.weight.weekLater':
    'less for each week a course starts after the earliest first session, so nobody waits longer than needed: {points} points',
  'proposal.weight.stepFree':
    'A person who needs a step-free venue counts as served only in a step-free venue.',
  'proposal.hardRulesHeading': 'Rules that always hold',
  'proposal.hardRule.pair':
    'Every course has two instructors who work in its locality and hold a valid licence.',
  'proposal.hardRule.noDoubleBooking':
    'No instructor and no venue is in two places at once (nor with the courses already planned).',
  'proposal.hardRule.capacity': "The venue holds the programme's maximum number of participants.",
  'proposal.hardRule.online': 'An online venue only for an online programme.',
  'proposal.hardRule.hours': "No instructor's hours go over the maximum.",
  'proposal.hardRule.calendar': 'Holidays and blocked periods are skipped.',
  'proposal.blockedHeading': 'No plan meets these targets',
  'proposal.blocker.no-candidate-course':
    'No course on the chosen days and times fits its sessions into the calendar.',
  'proposal.blocker.no-venue-capacity': "No venue holds the programme's {seats} participants.",
  'proposal.blocker.no-venue-none':
    'The chosen localities have no venues. Add one on the localities page.',
  'proposal.blocker.no-venue-kind-online':
    'An online course needs an online venue, and the chosen localities have none.',
  'proposal.blocker.no-venue-kind-in-person':
    'A course in person needs a venue, and the chosen localities have only online venues.',
  'proposal.blocker.required-locality-venue':
    '{locality}: no free venue holds {seats} participants.',
  'proposal.blocker.required-locality-instructors':
    '{locality}: no two instructors are free on the offered days and times ({working} instructors work there, at most {free} free at the same time).',
  'proposal.blocker.course-count':
    'At most {most} courses fit the rules: each needs two free instructors who work in its locality, and nobody can be in two places at once.',
  'proposal.blocker.course-count-hours':
    'At most {most} courses fit within the maximum of {hours} hours per instructor. Raise the maximum or plan fewer courses.',
  'proposal.blocker.required-together':
    '{count} courses are not enough for every locality that needs one ({localities}).',
  'proposal.validation.startTimes': 'Write the times as 17:00, separated by commas.',
  'proposal.validation.tooManyTimes': 'At most six start times.',
  'proposal.validation.pastMidnight':
    'The session would end after midnight. Choose an earlier start time.',
  'proposal.validation.startAfterEnd': 'The latest first session cannot be before the earliest.',
  'proposal.validation.noWeekday': 'Choose at least one day.',
  'proposal.validation.outsideTerm': 'The date must be within the term ({from}–{to}).',
  'proposal.validation.noFreeDates':
    'The window has none of the chosen weekdays that is not a holiday or blocked.',
  'proposal.validation.noLocality': 'Every locality is left out.',
  'proposal.reviewTitle': 'Proposal: {name}',
  'proposal.reviewIntro':
    'Check the courses. You can change or drop any of them. Accepting adds the kept courses to the term as planned and sends the instructors their invitations.',
  'proposal.summary':
    'The proposed courses have a seat for {served} people waiting: {here} in their own locality and {nearby} from a neighbouring one.',
  'proposal.summaryDeadlines':
    'Instructors whose first course or licence is taken care of: {count}.',
  'proposal.summaryHours': "The busiest instructor's hours in the term: {hours} h.",
  'proposal.notProvenBest':
    'This is the best plan found within the time limit; a better one could not be ruled out in time.',
  'proposal.courseHeading': 'Course {number}: {locality}, {weekday} at {time}',
  'proposal.why': 'Why this course',
  'proposal.why.servedHere': '{count} people waiting in {locality}',
  'proposal.why.servedNearby': '{count} people waiting in neighbouring {locality}',
  'proposal.why.stepFree': '{count} need a step-free venue, and this venue is step-free',
  'proposal.why.timeSuits': '{count} said this day and time suit them',
  'proposal.why.first-course': '{name}: a first course before the licence lapses on {date}',
  'proposal.why.lapsing': '{name}: keeps the licence, as the course starts by {date}',
  'proposal.why.pair': 'A professional and a peer instructor together',
  'proposal.why.nobodyWaiting':
    'Nobody waiting can be given a seat on this course; it makes up the number of courses.',
  'proposal.sessions': 'Sessions: {dates}',
  'proposal.keep': 'Keep this course',
  'proposal.venue': 'Venue',
  'proposal.firstDate': 'First session',
  'proposal.startTime': 'Starts at',
  'proposal.instructor1': 'Instructor 1',
  'proposal.instructor2': 'Instructor 2',
  'proposal.audience': 'For whom',
  'proposal.audience.open': 'Open to anyone',
  'proposal.audience.targeted': 'Targeted group',
  'proposal.targetService': 'Whose clients (targeted group)',
  'proposal.check': 'Check the changes',
  'proposal.accept': 'Accept the kept courses',
  'proposal.accepted': '{count} courses added to the term. The instructors get their invitations.',
  'proposal.noneKept': 'Keep at least one course, or go back to the term.',
  'proposal.checked': 'Changes checked: the rules hold.',
  'proposal.back': 'Back to the term',
  'proposal.changeTargets': 'Change the targets',
  'proposal.rule.two-instructors': 'A course needs two different instructors.',
  'proposal.rule.instructor-locality': 'This instructor does not work in this locality.',
  'proposal.rule.licence': "The instructor's licence lapses before the course starts.",
  'proposal.rule.instructor-double-booked': 'The instructor has another course at the same time.',
  'proposal.rule.venue-double-booked': 'The venue is taken by another course at the same time.',
  'proposal.rule.venue-capacity':
    "The venue holds fewer than the programme's {seats} participants.",
  'proposal.rule.venue-kind':
    'An online venue suits only an online programme, and a course in person only a real venue.',
  'proposal.rule.hours-maximum': "The instructor's hours would go over the maximum of {hours}.",
  'proposal.rule.venue-elsewhere': "Choose a venue in the proposal's localities.",
  'proposal.rule.no-free-dates': 'Too many session dates fall on holidays or blocked periods.',
  'proposal.rule.conflict': 'Overlaps with {course}, which was saved in the meantime.',
  'proposal.rule.venue-archived': 'The venue was archived in the meantime. Choose another venue.',
};

export const sv: Record<keyof typeof fi, string> = {
  'proposal.open': 'Föreslå en plan',
  'proposal.openHint':
    'Kurssipolku föreslår kurser utifrån dem som står på reservlistan, handledarna, lokalerna och kalendern.',
  'proposal.title': 'Föreslå en plan: {name}',
  'proposal.intro':
    'Ange mål och gränser. Du får ett förslag på kurser: ort, lokal, dag och tid, första träffen och handledarpar. Ingenting sparas förrän du godkänner.',
  'proposal.targetsHeading': 'Mål och gränser',
  'proposal.program': 'Kursprogram',
  'proposal.courseCount': 'Antal kurser',
  'proposal.earliestStart': 'Tidigaste första träff',
  'proposal.latestStart': 'Senaste första träff',
  'proposal.weekdays': 'Dagar då kurserna får hållas',
  'proposal.startTimes': 'Starttider',
  'proposal.startTimesHint': 'Till exempel 10:00, 13:00, 17:00. Lämna bort tider du vill undvika.',
  'proposal.maxHours': 'Högst antal timmar per handledare under terminen',
  'proposal.maxHoursHint': 'Träffarna och förberedelserna, det som redan är planerat inräknat.',
  'proposal.localities': 'Orter',
  'proposal.localitiesHint':
    'De som väntar i en grannkommun räknas med, även om deras egen ort inte får någon kurs.',
  'proposal.locality.may': 'Får ha en kurs',
  'proposal.locality.must': 'Behöver en kurs',
  'proposal.locality.no': 'Ingen kurs',
  'proposal.submit': 'Föreslå kurser',
  'proposal.busy': 'Just nu räknas många förslag. Försök igen om en stund.',
  'proposal.goodPlanHeading': 'Vad en bra plan betyder',
  'proposal.goodPlanIntro': 'Förslaget är den plan som får flest poäng. Poängen ges så här:',
  'proposal.weight.servedHere':
    'varje person på reservlistan som får en plats på sin egen ort: {points} p',
  'proposal.weight.servedNearby': 'varje person som kommer från en grannkommun: {points} p',
  'proposal.weight.timeSuits':
    'mera när dagen och tiden passar personen (enligt telefonintervjun): {points} p',
  'proposal.weight.deadlineMet':
    'en ny handledares första kurs, eller en kurs som håller kvar en licens som håller på att gå ut, före sista dagen: {points} p',
  'proposal.weight.professionalWithPeer':
    'en yrkesperson och en kamrathandledare på samma kurs: {points} p',
  'proposal.weight.extraHour':
    'avdrag för varje timme som planen ger en handledare utöver en kurs under terminen, så att arbetet fördelas: {points} p',
  'proposal.weight.weekLater':
    'avdrag för varje vecka som en kurs börjar senare än den tidigaste första träffen, så att ingen väntar i onödan: {points} p',
  'proposal.weight.stepFree':
    'En person som behöver en lokal utan trappsteg räknas som betjänad bara i en tillgänglig lokal.',
  'proposal.hardRulesHeading': 'Regler som alltid gäller',
  'proposal.hardRule.pair':
    'Varje kurs har två handledare som arbetar på orten och har en giltig licens.',
  'proposal.hardRule.noDoubleBooking':
    'Ingen handledare och ingen lokal är på två ställen samtidigt (inte heller med kurser som redan är planerade).',
  'proposal.hardRule.capacity': 'Lokalen rymmer programmets högsta antal deltagare.',
  'proposal.hardRule.online': 'Ett nätmötesrum bara för ett program på nätet.',
  'proposal.hardRule.hours': 'Ingen handledares timmar går över det högsta antalet.',
  'proposal.hardRule.calendar': 'Helgdagar och blockerade perioder hoppas över.',
  'proposal.blockedHeading': 'Med de här målen finns ingen plan',
  'proposal.blocker.no-candidate-course':
    'Ingen kurs på de valda dagarna och tiderna får plats med sina träffar i kalendern.',
  'proposal.blocker.no-venue-capacity': 'Ingen lokal rymmer programmets {seats} deltagare.',
  'proposal.blocker.no-venue-none':
    'De valda orterna har inga lokaler. Lägg till en lokal på sidan för orter.',
  'proposal.blocker.no-venue-kind-online':
    'En kurs på nätet behöver ett nätmötesrum, och de valda orterna har inget.',
  'proposal.blocker.no-venue-kind-in-person':
    'En kurs på plats behöver en lokal, och de valda orterna har bara nätmötesrum.',
  'proposal.blocker.required-locality-venue':
    '{locality}: ingen ledig lokal rymmer {seats} deltagare.',
  'proposal.blocker.required-locality-instructors':
    '{locality}: det finns inte två lediga handledare på de erbjudna dagarna och tiderna ({working} handledare arbetar där, högst {free} lediga samtidigt).',
  'proposal.blocker.course-count':
    'Högst {most} kurser ryms inom reglerna: varje kurs behöver två lediga handledare som arbetar på orten, och ingen kan vara på två ställen samtidigt.',
  'proposal.blocker.course-count-hours':
    'Högst {most} kurser ryms inom det högsta antalet {hours} timmar per handledare. Höj det högsta antalet eller planera färre kurser.',
  'proposal.blocker.required-together':
    '{count} kurser räcker inte till alla orter som behöver en kurs ({localities}).',
  'proposal.validation.startTimes': 'Skriv tiderna som 17:00, åtskilda med kommatecken.',
  'proposal.validation.tooManyTimes': 'Högst sex starttider.',
  'proposal.validation.pastMidnight':
    'Träffen skulle sluta efter midnatt. Välj en tidigare starttid.',
  'proposal.validation.startAfterEnd':
    'Den senaste första träffen kan inte vara före den tidigaste.',
  'proposal.validation.noWeekday': 'Välj minst en dag.',
  'proposal.validation.outsideTerm': 'Datumet ska vara inom terminen ({from}–{to}).',
  'proposal.validation.noFreeDates':
    'Perioden har ingen av de valda veckodagarna som inte är en helgdag eller blockerad.',
  'proposal.validation.noLocality': 'Alla orter har lämnats bort.',
  'proposal.reviewTitle': 'Förslag: {name}',
  'proposal.reviewIntro':
    'Granska kurserna. Du kan ändra eller stryka vilken som helst. När du godkänner läggs de kurser du behåller till terminen som planerade, och handledarna får sina inbjudningar.',
  'proposal.summary':
    'De föreslagna kurserna har plats för {served} personer på reservlistan: {here} på sin egen ort och {nearby} från en grannkommun.',
  'proposal.summaryDeadlines': 'Handledare vars första kurs eller licens ordnas: {count}.',
  'proposal.summaryHours': 'Den mest belastade handledarens timmar under terminen: {hours} h.',
  'proposal.notProvenBest':
    'Det här är den bästa plan som hittades inom tidsgränsen; en bättre kunde inte uteslutas i tid.',
  'proposal.courseHeading': 'Kurs {number}: {locality}, {weekday} kl. {time}',
  'proposal.why': 'Varför den här kursen',
  'proposal.why.servedHere': '{count} på reservlistan i {locality}',
  'proposal.why.servedNearby': '{count} på reservlistan i grannkommunen {locality}',
  'proposal.why.stepFree':
    '{count} behöver en lokal utan trappsteg, och den här lokalen är tillgänglig',
  'proposal.why.timeSuits': '{count} sade att den här dagen och tiden passar',
  'proposal.why.first-course': '{name}: en första kurs innan licensen går ut {date}',
  'proposal.why.lapsing': '{name}: licensen hålls kvar, eftersom kursen börjar senast {date}',
  'proposal.why.pair': 'En yrkesperson och en kamrathandledare tillsammans',
  'proposal.why.nobodyWaiting':
    'Ingen på reservlistan kan få en plats på den här kursen; den fyller upp antalet kurser.',
  'proposal.sessions': 'Träffar: {dates}',
  'proposal.keep': 'Behåll den här kursen',
  'proposal.venue': 'Lokal',
  'proposal.firstDate': 'Första träffen',
  'proposal.startTime': 'Börjar kl.',
  'proposal.instructor1': 'Handledare 1',
  'proposal.instructor2': 'Handledare 2',
  'proposal.audience': 'För vem',
  'proposal.audience.open': 'Öppen för alla',
  'proposal.audience.targeted': 'Riktad grupp',
  'proposal.targetService': 'Vems klienter (riktad grupp)',
  'proposal.check': 'Granska ändringarna',
  'proposal.accept': 'Godkänn kurserna som behålls',
  'proposal.accepted': '{count} kurser har lagts till terminen. Handledarna får sina inbjudningar.',
  'proposal.noneKept': 'Behåll minst en kurs, eller gå tillbaka till terminen.',
  'proposal.checked': 'Ändringarna granskade: reglerna uppfylls.',
  'proposal.back': 'Tillbaka till terminen',
  'proposal.changeTargets': 'Ändra målen',
  'proposal.rule.two-instructors': 'En kurs behöver två olika handledare.',
  'proposal.rule.instructor-locality': 'Handledaren arbetar inte på den här orten.',
  'proposal.rule.licence': 'Handledarens licens går ut innan kursen börjar.',
  'proposal.rule.instructor-double-booked': 'Handledaren har en annan kurs samtidigt.',
  'proposal.rule.venue-double-booked': 'Lokalen används av en annan kurs samtidigt.',
  'proposal.rule.venue-capacity': 'Lokalen rymmer färre än programmets {seats} deltagare.',
  'proposal.rule.venue-kind':
    'Ett nätmötesrum passar bara ett program på nätet, och en kurs på plats bara en riktig lokal.',
  'proposal.rule.hours-maximum': 'Handledarens timmar skulle gå över det högsta antalet {hours}.',
  'proposal.rule.venue-elsewhere': 'Välj en lokal på förslagets orter.',
  'proposal.rule.no-free-dates':
    'För många träffdatum infaller på helgdagar eller blockerade perioder.',
  'proposal.rule.conflict': 'Överlappar med {course}, som sparades under tiden.',
  'proposal.rule.venue-archived': 'Lokalen har tagits ur bruk under tiden. Välj en annan lokal.',
};

export const fi = {
  'nav.retention': 'Tietojen säilytys',
  'retention.title': 'Henkilötietojen säilytys',
  'retention.intro':
    'Henkilötiedot poistetaan, kun niitä ei enää tarvita. Nimen tilalle tulee ”Anonymised” (anonymisoitu) ja yhteystiedot, osoitteet, muistiinpanot ja vapaat tekstit tyhjennetään. Tilastot säilyvät: päivät, tilat, paikkakunnat, läsnäolomerkinnät ja palautteen arvosanat jäävät. Poisto tehdään kerran päivässä.',
  'retention.settings': 'Säilytysajat',
  'retention.participantMonths': 'Kurssin osallistujat, kuukautta kurssin päättymisestä',
  'retention.closedApplicationMonths':
    'Hakemus, joka suljettiin ilman kurssipaikkaa, kuukautta sulkemisesta',
  'retention.sentMailDays': 'Lähetettyjen sähköpostien teksti, päivää lähettämisestä',
  'retention.candidateMonths':
    'Ohjaajakoulutukseen ehdotetut, jotka keskeyttivät tai valmistuivat, kuukautta (ei ohjaajia)',
  'retention.auditYears': 'Lokimerkinnät, vuotta',
  'retention.longestCourse':
    'Pisin kurssi kestää {days} päivää. Mikään aika ei voi olla sitä lyhyempi (kuukausi lasketaan 28 päiväksi).',
  'retention.save': 'Tallenna säilytysajat',
  'retention.saved': 'Säilytysajat on tallennettu.',
  'retention.tooShort': 'Aika on lyhyempi kuin pisin kurssi ({days} päivää). Anna pidempi aika.',
  'retention.dueNow': 'Poistettavana nyt',
  'retention.upcoming': 'Poistettavana seuraavan 30 päivän aikana',
  'retention.nothingUpcoming': 'Seuraavan 30 päivän aikana ei tule poistettavaa.',
  'retention.col.kind': 'Tieto',
  'retention.col.count': 'Määrä',
  'retention.col.date': 'Päivä',
  'retention.kind.applications': 'Hakemukset ja osallistujat',
  'retention.kind.candidates': 'Ohjaajaehdokkaat',
  'retention.kind.mailBodies': 'Sähköpostien tekstit',
  'retention.kind.feedbackTexts': 'Palautteen vapaat tekstit',
  'retention.kind.auditRows': 'Lokimerkinnät',
  'retention.runs': 'Viimeisimmät poistot',
  'retention.noRuns': 'Poistoa ei ole vielä tehty.',
  'retention.col.by': 'Tekijä',
  'retention.runNow': 'Tee tämän päivän poisto nyt',
  'retention.runNowHint':
    'Poisto tehdään muuten automaattisesti kerran päivässä. Poistettuja tietoja ei saa takaisin.',
  'retention.ran':
    'Poisto tehty: {applications} hakemusta, {candidates} ohjaajaehdokasta, {mailBodies} sähköpostia, {feedbackTexts} palautetta ja {auditRows} lokimerkintää.',
  'retention.alreadyRan': 'Tämän päivän poisto on jo tehty. Seuraava poisto tehdään huomenna.',
  'retention.mailPruned':
    'Viestin teksti poistettiin {date}, kun sen säilytysaika päättyi. Viestiä ei voi lähettää uudelleen.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'nav.retention': 'Data retention',
  'retention.title': 'Keeping personal data',
  'retention.intro':
    'Personal data is removed when it is no longer needed. The name becomes "Anonymised" and contact details, addresses, notes and free texts are emptied. The figures stay: dates, states, localities, attendance marks and feedback scores are kept. The removal runs once a day.',
  'retention.settings': 'How long data is kept',
  'retention.participantMonths': "A course's participants, months after the course ended",
  'retention.closedApplicationMonths':
    'An application closed without a place on a course, months after it was closed',
  'retention.sentMailDays': 'The text of sent e-mails, days after sending',
  'retention.candidateMonths':
    'Instructor-training candidates who dropped out or completed, months (not instructors)',
  'retention.auditYears': 'Audit log entries, years',
  'retention.longestCourse':
    'The longest course lasts {days} days. No period may be shorter than that (a month counts as 28 days).',
  'retention.save': 'Save the periods',
  'retention.saved': 'The retention periods have been saved.',
  'retention.tooShort':
    'This is shorter than the longest course ({days} days). Enter a longer period.',
  'retention.dueNow': 'Due for removal now',
  'retention.upcoming': 'Due for removal in the next 30 days',
  'retention.nothingUpcoming': 'Nothing becomes due in the next 30 days.',
  'retention.col.kind': 'Data',
  'retention.col.count': 'Number',
  'retention.col.date': 'Date',
  'retention.kind.applications': 'Applications and participants',
  'retention.kind.candidates': 'Instructor candidates',
  'retention.kind.mailBodies': 'E-mail texts',
  'retention.kind.feedbackTexts': 'Feedback free texts',
  'retention.kind.auditRows': 'Audit log entries',
  'retention.runs': 'Latest removals',
  'retention.noRuns': 'No removal has been run yet.',
  'retention.col.by': 'By',
  'retention.runNow': "Run today's removal now",
  'retention.runNowHint':
    'Otherwise the removal runs by itself once a day. Removed data cannot be brought back.',
  'retention.ran':
    'Removal done: {applications} applications, {candidates} instructor candidates, {mailBodies} e-mails, {feedbackTexts} feedback answers and {auditRows} audit entries.',
  'retention.alreadyRan': "Today's removal has been done already. The next one runs tomorrow.",
  'retention.mailPruned':
    'The text of this message was removed on {date}, when its retention period ended. It cannot be sent again.',
} as const;

export const sv: Record<keyof typeof fi, string> = {
  'nav.retention': 'Förvaring av uppgifter',
  'retention.title': 'Förvaring av personuppgifter',
  'retention.intro':
    'Personuppgifterna raderas när de inte längre behövs. Namnet ersätts med ”Anonymised” (anonymiserad) och kontaktuppgifter, adresser, anteckningar och fria texter töms. Statistiken bevaras: datum, statusuppgifter, orter, närvaroanteckningar och betygen i responsen blir kvar. Raderingen görs en gång per dag.',
  'retention.settings': 'Förvaringstider',
  'retention.participantMonths': 'Kursens deltagare, månader efter att kursen tog slut',
  'retention.closedApplicationMonths':
    'Ansökan som stängdes utan plats på kursen, månader efter att den stängdes',
  'retention.sentMailDays': 'Texten i skickade e-postmeddelanden, dagar efter att de skickades',
  'retention.candidateMonths':
    'Kandidater till handledarutbildningen som avbröt eller slutförde den, månader (inte handledare)',
  'retention.auditYears': 'Logganteckningar, år',
  'retention.longestCourse':
    'Den längsta kursen pågår i {days} dagar. Ingen tid kan vara kortare än så (en månad räknas som 28 dagar).',
  'retention.save': 'Spara förvaringstiderna',
  'retention.saved': 'Förvaringstiderna har sparats.',
  'retention.tooShort':
    'Tiden är kortare än den längsta kursen ({days} dagar). Ange en längre tid.',
  'retention.dueNow': 'Ska raderas nu',
  'retention.upcoming': 'Ska raderas under de följande 30 dagarna',
  'retention.nothingUpcoming': 'Under de följande 30 dagarna finns inget att radera.',
  'retention.col.kind': 'Uppgift',
  'retention.col.count': 'Antal',
  'retention.col.date': 'Datum',
  'retention.kind.applications': 'Ansökningar och deltagare',
  'retention.kind.candidates': 'Handledarkandidater',
  'retention.kind.mailBodies': 'Texter i e-postmeddelanden',
  'retention.kind.feedbackTexts': 'Fria texter i responsen',
  'retention.kind.auditRows': 'Logganteckningar',
  'retention.runs': 'De senaste raderingarna',
  'retention.noRuns': 'Ingen radering har gjorts ännu.',
  'retention.col.by': 'Utförd av',
  'retention.runNow': 'Gör dagens radering nu',
  'retention.runNowHint':
    'Annars görs raderingen automatiskt en gång per dag. Raderade uppgifter går inte att få tillbaka.',
  'retention.ran':
    'Radering gjord: {applications} ansökningar, {candidates} handledarkandidater, {mailBodies} e-postmeddelanden, {feedbackTexts} responssvar och {auditRows} logganteckningar.',
  'retention.alreadyRan': 'Dagens radering har redan gjorts. Nästa radering görs i morgon.',
  'retention.mailPruned':
    'Meddelandets text raderades {date}, när förvaringstiden tog slut. Meddelandet kan inte skickas på nytt.',
};

export const fi = {
  'nav.retention': 'Tietojen säilytys',
  'retention.title': 'Henkilötietojen säilytys',
  'retention.intro':
    'Henkilötiedot poistetaan, kun niitä ei enää tarvita. Nimi muutetaan muotoon ”Anonymisoitu” ja yhteystiedot, osoitteet, muistiinpanot ja vapaat tekstit tyhjennetään. Tilastot säilyvät: päivät, tilat, paikkakunnat, läsnäolomerkinnät ja palautteen arvosanat jäävät. Poisto tehdään kerran päivässä.',
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

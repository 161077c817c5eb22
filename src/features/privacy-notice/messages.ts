export const fi = {
  'privacyNotice.footerLink': 'Tietosuoja',
  'privacyNotice.period.months.one': '{count} kuukausi',
  'privacyNotice.period.months.other': '{count} kuukautta',
  'privacyNotice.period.days.one': '{count} päivä',
  'privacyNotice.period.days.other': '{count} päivää',
  'privacyNotice.period.years.one': '{count} vuosi',
  'privacyNotice.period.years.other': '{count} vuotta',

  'privacyNotice.title': 'Miten tietojasi käsitellään',
  'privacyNotice.summaryWhy':
    'Tietojasi käytetään vain kurssin järjestämiseen. Kurssikoordinaattori soittaa sinulle, antaa kurssipaikan ja lähettää kutsut. Kurssisi ohjaajat näkevät oman kurssinsa osallistujat.',
  'privacyNotice.summaryWhyCandidate':
    'Tietoja käytetään vain ohjaajakoulutuksen järjestämiseen. Kurssikoordinaattori soittaa ehdotetulle ja lähettää kutsun koulutukseen.',
  'privacyNotice.summaryHowLong':
    'Tiedot säilytetään {participant} kurssin päättymisen jälkeen. Jos kurssipaikkaa ei tule, hakemus säilytetään {closed} sen sulkemisen jälkeen. Sitten nimi ja yhteystiedot poistetaan.',
  'privacyNotice.summaryHowLongCandidate':
    'Tiedot säilytetään {candidate} koulutuksen päättymisen tai keskeyttämisen jälkeen. Sitten nimi ja yhteystiedot poistetaan.',
  'privacyNotice.summaryRights':
    'Voit pyytää kopion tiedoistasi tai pyytää, että ne poistetaan. Ota yhteyttä kurssikoordinaattoriin.',
  'privacyNotice.readMore': 'Lue lisää:',
  'privacyNotice.readMoreLink': 'koko tietosuojaseloste',
  'privacyNotice.mailLine': 'Miten käsittelemme tietojasi: {url}',

  'privacyNotice.pageTitle': 'Tietosuojaseloste',
  'privacyNotice.pageIntro':
    'Tässä kerrotaan, mitä tietoja Arkeen Voimaa -kursseja varten kerätään, miksi, kuka ne näkee ja kuinka kauan niitä säilytetään.',
  'privacyNotice.controllerTitle': 'Kuka tietojasi käsittelee',
  'privacyNotice.controllerIntro':
    'Tiedoista vastaa hyvinvointialue, joka järjestää kurssit. Sitä kutsutaan rekisterinpitäjäksi.',
  'privacyNotice.purposeTitle': 'Mihin tietoja käytetään',
  'privacyNotice.purposeIntro': 'Tietoja käytetään vain kurssin järjestämiseen:',
  'privacyNotice.purpose.applications': 'hakemusten ja ammattilaisten ohjausten vastaanottaminen',
  'privacyNotice.purpose.interview':
    'puhelinhaastattelu: kurssikoordinaattori soittaa ja kysyy, sopiiko kurssi sinulle',
  'privacyNotice.purpose.placing': 'kurssipaikan antaminen ja jonon hoitaminen',
  'privacyNotice.purpose.invites':
    'kalenterikutsut ja muut viestit kurssista sähköpostilla tai kirjeellä',
  'privacyNotice.purpose.attendance': 'läsnäolon merkitseminen kokoontumisissa',
  'privacyNotice.purpose.statistics':
    'seurantatilastot, esimerkiksi kuinka moni aloitti ja kävi kurssin loppuun. Tilastoissa ei ole nimiä.',
  'privacyNotice.legalTitle': 'Miksi tietoja saa käsitellä',
  'privacyNotice.legalTask':
    'Laki velvoittaa hyvinvointialueen edistämään asukkaiden terveyttä ja hyvinvointia. Kurssit ovat osa tätä tehtävää. Siksi hyvinvointialue saa käsitellä tietojasi. Tätä kutsutaan yleisen edun mukaiseksi tehtäväksi (EU:n tietosuoja-asetus, artikla 6, kohta 1 e).',
  'privacyNotice.legalConsent':
    'Lisäksi kysymme lupasi siihen, että sinulle saa soittaa ja lähettää viestejä kurssista. Lupa kirjataan hakemukseen.',
  'privacyNotice.legalCandidates':
    'Ohjaajakoulutukseen ehdotettujen ja hakeneiden tietoja käsitellään samalla tavalla ja samalla perusteella. Niitä käytetään koulutuksen järjestämiseen.',
  'privacyNotice.collectedTitle': 'Mitä tietoja kerätään',
  'privacyNotice.collected.contact':
    'nimi, puhelinnumero ja sähköposti sekä postiosoite, jos annat sen',
  'privacyNotice.collected.course': 'paikkakunta ja kurssi, jolle haet',
  'privacyNotice.collected.interview':
    'puhelinhaastattelun vastaukset ja lyhyet muistiinpanot puheluista',
  'privacyNotice.collected.attendance': 'kurssipaikka, läsnäolot ja syy, jos keskeytät kurssin',
  'privacyNotice.collected.mail': 'sinulle lähetetyt viestit',
  'privacyNotice.collected.referrer':
    'ohjaavan työntekijän nimi ja yhteystiedot, jos sinut ohjattiin',
  'privacyNotice.collected.feedback':
    'Palaute kurssista annetaan nimettömänä. Sitä ei voi yhdistää sinuun.',
  'privacyNotice.whoSeesTitle': 'Kuka tietojasi näkee',
  'privacyNotice.whoSees':
    'Kurssikoordinaattori ja järjestelmän ylläpitäjä näkevät tietosi. Kurssisi ohjaajat näkevät oman kurssinsa osallistujien tiedot. Muut eivät näe niitä. Jokainen tietojesi avaaminen kirjataan lokiin.',
  'privacyNotice.retentionTitle': 'Kuinka kauan tietoja säilytetään',
  'privacyNotice.retention.participants':
    'Kurssin osallistujien tiedot: {period} kurssin päättymisen jälkeen.',
  'privacyNotice.retention.closedApplications':
    'Hakemus, joka suljetaan ilman kurssipaikkaa: {period} sulkemisen jälkeen.',
  'privacyNotice.retention.sentMail':
    'Lähetettyjen sähköpostien sisältö: {period} lähettämisen jälkeen.',
  'privacyNotice.retention.candidates':
    'Ohjaajakoulutukseen ehdotettujen tiedot: {period} koulutuksen päättymisen tai keskeyttämisen jälkeen. Ohjaajan tiedot säilyvät niin kauan kuin hän toimii ohjaajana.',
  'privacyNotice.retention.audit': 'Loki siitä, kuka on avannut tietoja: {period}.',
  'privacyNotice.retentionAfter':
    'Sen jälkeen nimet, yhteystiedot ja muistiinpanot poistetaan. Jäljelle jää vain nimettömiä lukuja tilastoja varten.',
  'privacyNotice.rightsTitle': 'Tietosi pyynnöstä',
  'privacyNotice.rightsCopy': 'Voit pyytää kopion kaikista tiedoistasi.',
  'privacyNotice.rightsErase': 'Voit pyytää, että tietosi korjataan tai poistetaan.',
  'privacyNotice.rightsHow':
    'Ota yhteyttä kurssikoordinaattoriin tai tietosuojan yhteyshenkilöön. Yhteystiedot ovat tämän sivun alussa.',
  'privacyNotice.rightsPersonalLink':
    'Jos olet saanut viestissä oman linkin, voit pyytää tietojesi poistamista myös sen sivulla.',
  'privacyNotice.complaintTitle': 'Jos olet tyytymätön',
  'privacyNotice.complaint':
    'Voit tehdä valituksen tietosuojavaltuutetulle, jos tietojasi mielestäsi käsitellään väärin:',
  'privacyNotice.complaintLink': 'tietosuoja.fi',
} as const;

export const en = {
  'privacyNotice.footerLink': 'Privacy',
  'privacyNotice.period.months.one': '{count} month',
  'privacyNotice.period.months.other': '{count} months',
  'privacyNotice.period.days.one': '{count} day',
  'privacyNotice.period.days.other': '{count} days',
  'privacyNotice.period.years.one': '{count} year',
  'privacyNotice.period.years.other': '{count} years',

  'privacyNotice.title': 'How your data is handled',
  'privacyNotice.summaryWhy':
    'Your data is used only to run the course. The course coordinator phones you, gives you a place and sends the invitations. Your course’s instructors see their own course’s participants.',
  'privacyNotice.summaryWhyCandidate':
    'The data is used only to run the instructor training. The course coordinator phones the person nominated and sends the invitation to the training.',
  'privacyNotice.summaryHowLong':
    'The data is kept for {participant} after the course ends. If no place comes up, the application is kept for {closed} after it is closed. Then the name and contact details are removed.',
  'privacyNotice.summaryHowLongCandidate':
    'The data is kept for {candidate} after the training is completed or dropped. Then the name and contact details are removed.',
  'privacyNotice.summaryRights':
    'You can ask for a copy of your data or ask for it to be deleted. Contact the course coordinator.',
  'privacyNotice.readMore': 'Read more:',
  'privacyNotice.readMoreLink': 'the full privacy notice',
  'privacyNotice.mailLine': 'How we handle your data: {url}',

  'privacyNotice.pageTitle': 'Privacy notice',
  'privacyNotice.pageIntro':
    'This page tells what data is collected for Arkeen Voimaa courses, why, who sees it and how long it is kept.',
  'privacyNotice.controllerTitle': 'Who handles your data',
  'privacyNotice.controllerIntro':
    'The wellbeing services county that runs the courses is responsible for the data. It is called the controller.',
  'privacyNotice.purposeTitle': 'What the data is used for',
  'privacyNotice.purposeIntro': 'The data is used only to run the course:',
  'privacyNotice.purpose.applications': 'receiving applications and referrals from professionals',
  'privacyNotice.purpose.interview':
    'the phone interview: the course coordinator phones and asks whether the course suits you',
  'privacyNotice.purpose.placing': 'giving course places and keeping the waiting list',
  'privacyNotice.purpose.invites':
    'calendar invitations and other messages about the course by e-mail or letter',
  'privacyNotice.purpose.attendance': 'marking attendance at the sessions',
  'privacyNotice.purpose.statistics':
    'follow-up statistics, for example how many started and finished the course. The statistics have no names.',
  'privacyNotice.legalTitle': 'Why the data may be handled',
  'privacyNotice.legalTask':
    'The law requires the wellbeing services county to promote the health and wellbeing of its residents. The courses are part of this duty. This is why the county may handle your data. It is called a task carried out in the public interest (EU General Data Protection Regulation, Article 6(1)(e)).',
  'privacyNotice.legalConsent':
    'We also ask your permission to phone you and send you messages about the course. The permission is recorded with the application.',
  'privacyNotice.legalCandidates':
    'The data of people nominated for or applying to instructor training is handled in the same way and on the same basis. It is used to run the training.',
  'privacyNotice.collectedTitle': 'What data is collected',
  'privacyNotice.collected.contact':
    'name, phone number and e-mail, and your postal address if you give it',
  'privacyNotice.collected.course': 'your locality and the course you apply for',
  'privacyNotice.collected.interview':
    'your answers in the phone interview and short notes on the calls',
  'privacyNotice.collected.attendance':
    'your course place, attendance and the reason if you drop out',
  'privacyNotice.collected.mail': 'the messages sent to you',
  'privacyNotice.collected.referrer':
    'the referring professional’s name and contact details, if you were referred',
  'privacyNotice.collected.feedback':
    'Feedback on the course is given anonymously. It cannot be linked to you.',
  'privacyNotice.whoSeesTitle': 'Who sees your data',
  'privacyNotice.whoSees':
    'The course coordinator and the system administrator see your data. Your course’s instructors see the data of their own course’s participants. Nobody else sees it. Every time someone opens your data, it is written in a log.',
  'privacyNotice.retentionTitle': 'How long the data is kept',
  'privacyNotice.retention.participants': 'Course participants: {period} after the course ends.',
  'privacyNotice.retention.closedApplications':
    'An application closed without a course place: {period} after it is closed.',
  'privacyNotice.retention.sentMail': 'The contents of e-mails sent: {period} after sending.',
  'privacyNotice.retention.candidates':
    'People nominated for instructor training: {period} after the training is completed or dropped. An instructor’s data is kept while they are an instructor.',
  'privacyNotice.retention.audit': 'The log of who opened data: {period}.',
  'privacyNotice.retentionAfter':
    'After that, names, contact details and notes are removed. Only anonymous figures stay, for statistics.',
  'privacyNotice.rightsTitle': 'Your data on request',
  'privacyNotice.rightsCopy': 'You can ask for a copy of all your data.',
  'privacyNotice.rightsErase': 'You can ask for your data to be corrected or deleted.',
  'privacyNotice.rightsHow':
    'Contact the course coordinator or the privacy contact. Their details are at the top of this page.',
  'privacyNotice.rightsPersonalLink':
    'If you have received your own link in a message, you can also ask for your data to be deleted on its page.',
  'privacyNotice.complaintTitle': 'If you are not satisfied',
  'privacyNotice.complaint':
    'You can complain to the Data Protection Ombudsman if you think your data is handled wrongly:',
  'privacyNotice.complaintLink': 'tietosuoja.fi',
} as const;

export const sv: Record<keyof typeof fi, string> = {
  'privacyNotice.footerLink': 'Dataskydd',
  'privacyNotice.period.months.one': '{count} månad',
  'privacyNotice.period.months.other': '{count} månader',
  'privacyNotice.period.days.one': '{count} dag',
  'privacyNotice.period.days.other': '{count} dagar',
  'privacyNotice.period.years.one': '{count} år',
  'privacyNotice.period.years.other': '{count} år',

  'privacyNotice.title': 'Hur dina uppgifter behandlas',
  'privacyNotice.summaryWhy':
    'Dina uppgifter används bara för att ordna kursen. Kurskoordinatorn ringer dig, ger dig en plats på kursen och skickar inbjudningarna. Handledarna på din kurs ser deltagarna på sin egen kurs.',
  'privacyNotice.summaryWhyCandidate':
    'Uppgifterna används bara för att ordna handledarutbildningen. Kurskoordinatorn ringer den föreslagna personen och skickar en inbjudan till utbildningen.',
  'privacyNotice.summaryHowLong':
    'Uppgifterna sparas i {participant} efter att kursen har slutat. Om du inte får någon plats på en kurs sparas ansökan i {closed} efter att den har avslutats. Sedan raderas namnet och kontaktuppgifterna.',
  'privacyNotice.summaryHowLongCandidate':
    'Uppgifterna sparas i {candidate} efter att utbildningen har slutförts eller avbrutits. Sedan raderas namnet och kontaktuppgifterna.',
  'privacyNotice.summaryRights':
    'Du kan be om en kopia av dina uppgifter eller be att de raderas. Kontakta kurskoordinatorn.',
  'privacyNotice.readMore': 'Läs mer:',
  'privacyNotice.readMoreLink': 'hela dataskyddsbeskrivningen',
  'privacyNotice.mailLine': 'Hur vi behandlar dina uppgifter: {url}',

  'privacyNotice.pageTitle': 'Dataskyddsbeskrivning',
  'privacyNotice.pageIntro':
    'Här berättar vi vilka uppgifter som samlas in för Arkeen Voimaa-kurserna, varför, vem som ser dem och hur länge de sparas.',
  'privacyNotice.controllerTitle': 'Vem som behandlar dina uppgifter',
  'privacyNotice.controllerIntro':
    'Det välfärdsområde som ordnar kurserna ansvarar för uppgifterna. Det kallas personuppgiftsansvarig.',
  'privacyNotice.purposeTitle': 'Vad uppgifterna används till',
  'privacyNotice.purposeIntro': 'Uppgifterna används bara för att ordna kursen:',
  'privacyNotice.purpose.applications': 'att ta emot ansökningar och remisser från yrkespersoner',
  'privacyNotice.purpose.interview':
    'telefonintervju: kurskoordinatorn ringer och frågar om kursen passar dig',
  'privacyNotice.purpose.placing': 'att ge platser på kursen och sköta reservlistan',
  'privacyNotice.purpose.invites':
    'kalenderinbjudningar och andra meddelanden om kursen per e-post eller brev',
  'privacyNotice.purpose.attendance': 'att anteckna närvaro på träffarna',
  'privacyNotice.purpose.statistics':
    'uppföljningsstatistik, till exempel hur många som började och gick hela kursen. Statistiken innehåller inga namn.',
  'privacyNotice.legalTitle': 'Varför uppgifterna får behandlas',
  'privacyNotice.legalTask':
    'Enligt lag ska välfärdsområdet främja invånarnas hälsa och välfärd. Kurserna är en del av den uppgiften. Därför får välfärdsområdet behandla dina uppgifter. Det kallas en uppgift av allmänt intresse (EU:s dataskyddsförordning, artikel 6.1 e).',
  'privacyNotice.legalConsent':
    'Vi ber dessutom om ditt samtycke till att vi ringer dig och skickar meddelanden om kursen. Samtycket antecknas i ansökan.',
  'privacyNotice.legalCandidates':
    'Uppgifter om personer som har föreslagits till eller sökt till handledarutbildningen behandlas på samma sätt och på samma grund. De används för att ordna utbildningen.',
  'privacyNotice.collectedTitle': 'Vilka uppgifter som samlas in',
  'privacyNotice.collected.contact':
    'namn, telefonnummer och e-post samt postadress, om du uppger den',
  'privacyNotice.collected.course': 'ort och den kurs du söker till',
  'privacyNotice.collected.interview':
    'dina svar i telefonintervjun och korta anteckningar om samtalen',
  'privacyNotice.collected.attendance':
    'plats på kursen, närvaro och orsaken om du avbryter kursen',
  'privacyNotice.collected.mail': 'meddelanden som har skickats till dig',
  'privacyNotice.collected.referrer':
    'namn och kontaktuppgifter för den anställda som skrev remissen, om du har fått en remiss',
  'privacyNotice.collected.feedback':
    'Respons på kursen ges anonymt. Den kan inte kopplas till dig.',
  'privacyNotice.whoSeesTitle': 'Vem som ser dina uppgifter',
  'privacyNotice.whoSees':
    'Kurskoordinatorn och systemets administratör ser dina uppgifter. Handledarna på din kurs ser uppgifterna om deltagarna på sin egen kurs. Ingen annan ser dem. Varje gång någon öppnar dina uppgifter antecknas det i en logg.',
  'privacyNotice.retentionTitle': 'Hur länge uppgifterna sparas',
  'privacyNotice.retention.participants':
    'Uppgifter om kursdeltagare: {period} efter att kursen har slutat.',
  'privacyNotice.retention.closedApplications':
    'Ansökan som avslutas utan plats på kursen: {period} efter att den har avslutats.',
  'privacyNotice.retention.sentMail':
    'Innehållet i skickade e-postmeddelanden: {period} efter att de har skickats.',
  'privacyNotice.retention.candidates':
    'Uppgifter om personer som har föreslagits till handledarutbildningen: {period} efter att utbildningen har slutförts eller avbrutits. En handledares uppgifter sparas så länge hen är verksam som handledare.',
  'privacyNotice.retention.audit': 'Loggen över vem som har öppnat uppgifter: {period}.',
  'privacyNotice.retentionAfter':
    'Därefter raderas namn, kontaktuppgifter och anteckningar. Kvar blir bara anonyma siffror för statistiken.',
  'privacyNotice.rightsTitle': 'Dina uppgifter på begäran',
  'privacyNotice.rightsCopy': 'Du kan be om en kopia av alla dina uppgifter.',
  'privacyNotice.rightsErase': 'Du kan be att dina uppgifter rättas eller raderas.',
  'privacyNotice.rightsHow':
    'Kontakta kurskoordinatorn eller kontaktpersonen för dataskydd. Kontaktuppgifterna finns i början av den här sidan.',
  'privacyNotice.rightsPersonalLink':
    'Om du har fått en personlig länk i ett meddelande kan du också be om att dina uppgifter raderas på den sidan.',
  'privacyNotice.complaintTitle': 'Om du inte är nöjd',
  'privacyNotice.complaint':
    'Du kan lämna in ett klagomål till dataombudsmannen om du anser att dina uppgifter behandlas fel:',
  'privacyNotice.complaintLink': 'tietosuoja.fi',
};

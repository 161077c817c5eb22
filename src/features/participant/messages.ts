export const fi = {
  'participant.title': 'Kurssipaikkasi',
  'participant.greeting': 'Hei, {name}!',
  'participant.intro':
    'Tällä sivulla näet omat kurssitietosi. Sivu on vain sinua varten: älä anna sen osoitetta muille.',
  'participant.noEnrollments': 'Sinulla ei ole tällä hetkellä kurssipaikkaa.',
  'participant.state.placed': 'Sinulla on paikka tällä kurssilla.',
  'participant.state.waitlisted':
    'Olet jonossa tälle kurssille. Kerromme sinulle, jos paikka vapautuu.',
  'participant.state.withdrawn': 'Olet perunut paikkasi tällä kurssilla.',
  'participant.state.cancelled': 'Tämä kurssi on peruttu.',
  'participant.state.completed': 'Olet käynyt tämän kurssin.',
  'participant.state.not-completed': 'Tämä kurssi on päättynyt.',
  'participant.sessions': 'Kokoontumiskerrat',
  'participant.sessionCancelled': '{date} {time}: tämä kerta on peruttu',
  'participant.venue': 'Kokoontumispaikka',
  'participant.venueLater': 'Kokoontumispaikka kerrotaan myöhemmin.',
  'participant.venueOnline': 'Kurssi pidetään etänä verkossa.',
  'participant.stepFree': 'Paikkaan pääsee ilman portaita.',
  'participant.hearingLoop': 'Tilassa on induktiosilmukka.',
  'participant.accessibility': 'Esteettömyys: {notes}',
  'participant.calendar': 'Lataa kurssin ajat kalenteriisi (.ics)',
  'participant.withdrawTitle': 'En pääsekään kurssille',
  'participant.withdrawReason': 'Syy (voit jättää tyhjäksi)',
  'participant.withdrawn': 'Paikkasi on peruttu. Kiitos, että kerroit.',
  'participant.withdrawOpen': 'En pääse kurssille…',
  'participant.confirmTitle': 'Etkö pääse kurssille?',
  'participant.confirmIntro': 'Kurssi: {course}',
  'participant.confirmAllTitle': 'En pääse kurssille lainkaan',
  'participant.confirmAllExplained':
    'Paikkasi annetaan jonossa seuraavalle. Et voi saada sitä takaisin. Kurssin ajat poistuvat kalenteristasi.',
  'participant.confirmAllSubmit': 'Kyllä, en pääse kurssille lainkaan',
  'participant.missOneTitle': 'Jään pois yhdestä kokoontumisesta',
  'participant.missOneExplained':
    'Paikkasi säilyy. Kerromme kurssin ohjaajille, ettet pääse valitsemaasi kokoontumiseen.',
  'participant.missOneSession': 'Mihin kokoontumiseen et pääse?',
  'participant.missOneSubmit': 'Jään pois tästä kokoontumisesta',
  'participant.missOneNone': 'Tulevia kokoontumisia ei ole.',
  'participant.missOneSent': 'Kiitos, että kerroit. Ohjaajat tietävät, ettet pääse {date}.',
  'participant.missOneStarted': 'Tämä kokoontuminen on jo alkanut. Valitse tuleva kokoontuminen.',
  'participant.missOneNotTheirs': 'Valitse jokin kurssisi tulevista kokoontumisista.',
  'participant.back': 'Takaisin',
  'participant.missedMail.subject': 'Osallistuja ei pääse kokoontumiseen {date}: {course}',
  'participant.missedMail.body':
    '{name} ilmoitti, ettei pääse kurssin {course} kokoontumiseen {number} ({date} {time}). Hänen kurssipaikkansa säilyy.',
  'participant.deletionSubmit': 'Pyydän, että tietoni poistetaan',
  'participant.deletionReceived':
    'Saimme pyyntösi. Koordinaattori poistaa tietosi 30 päivän kuluessa.',
  'participant.deletionPending':
    'Pyysit {date}, että tietosi poistetaan. Koordinaattori hoitaa asian.',
  'participant.unknownTitle': 'Linkkiä ei löydy',
  'participant.unknownBody':
    'Tarkista, että kopioit koko osoitteen. Voit myös soittaa kurssikoordinaattorille.',
  'participant.expiredTitle': 'Linkki on vanhentunut',
  'participant.expiredBody':
    'Linkki toimii 30 päivää kurssin päättymisen jälkeen. Jos tarvitset apua, soita kurssikoordinaattorille.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'participant.title': 'Your course place',
  'participant.greeting': 'Hello, {name}!',
  'participant.intro':
    'This page shows your own course details. Its address is personal: do not share it.',
  'participant.noEnrollments': 'You have no course place at the moment.',
  'participant.state.placed': 'You have a place on this course.',
  'participant.state.waitlisted':
    'You are on the waiting list for this course. We will tell you if a place comes free.',
  'participant.state.withdrawn': 'You have withdrawn from this course.',
  'participant.state.cancelled': 'This course has been cancelled.',
  'participant.state.completed': 'You have completed this course.',
  'participant.state.not-completed': 'This course has ended.',
  'participant.sessions': 'Sessions',
  'participant.sessionCancelled': '{date} {time}: this session is cancelled',
  'participant.venue': 'Venue',
  'participant.venueLater': 'The venue will be announced later.',
  'participant.venueOnline': 'The course meets online.',
  'participant.stepFree': 'Step-free access.',
  'participant.hearingLoop': 'The room has a hearing loop.',
  'participant.accessibility': 'Accessibility: {notes}',
  'participant.calendar': 'Download the course times to your calendar (.ics)',
  'participant.withdrawTitle': "I can't come after all",
  'participant.withdrawReason': 'Reason (optional)',
  'participant.withdrawn': 'You have withdrawn. Thank you for letting us know.',
  'participant.withdrawOpen': "I can't come…",
  'participant.confirmTitle': "Can't you come to the course?",
  'participant.confirmIntro': 'Course: {course}',
  'participant.confirmAllTitle': "I can't come at all",
  'participant.confirmAllExplained':
    'Your place goes to the next person on the waiting list and cannot be given back. The course dates are removed from your calendar.',
  'participant.confirmAllSubmit': "Yes, I can't come at all",
  'participant.missOneTitle': "I'll miss one session",
  'participant.missOneExplained':
    "You keep your place. We tell the course's instructors that you can't come to the session you choose.",
  'participant.missOneSession': "Which session can't you come to?",
  'participant.missOneSubmit': "I'll miss this session",
  'participant.missOneNone': 'There are no upcoming sessions.',
  'participant.missOneSent':
    "Thank you for letting us know. The instructors know you can't come on {date}.",
  'participant.missOneStarted': 'This session has already started. Choose an upcoming session.',
  'participant.missOneNotTheirs': 'Choose one of the upcoming sessions of your course.',
  'participant.back': 'Back',
  'participant.missedMail.subject': 'A participant will miss the session on {date}: {course}',
  'participant.missedMail.body':
    "{name} let us know they can't come to session {number} of {course} ({date} {time}). They keep their place.",
  'participant.deletionSubmit': 'Delete my data',
  'participant.deletionReceived':
    'Your request was received. The coordinator removes your data within 30 days.',
  'participant.deletionPending':
    'You asked for your data to be deleted on {date}. The request is being handled.',
  'participant.unknownTitle': 'Link not found',
  'participant.unknownBody':
    'Check that the whole address was copied. You can also call the course coordinator.',
  'participant.expiredTitle': 'This link has expired',
  'participant.expiredBody':
    'A personal link is valid for 30 days after the course ends. Contact the course coordinator if you need help.',
};

export const sv: Record<keyof typeof fi, string> = {
  'participant.title': 'Din plats på kursen',
  'participant.greeting': 'Hej, {name}!',
  'participant.intro':
    'På den här sidan ser du dina egna kursuppgifter. Sidan är bara för dig: ge inte adressen till andra.',
  'participant.noEnrollments': 'Du har ingen plats på någon kurs just nu.',
  'participant.state.placed': 'Du har en plats på den här kursen.',
  'participant.state.waitlisted':
    'Du står på reservlistan för den här kursen. Vi meddelar dig om en plats blir ledig.',
  'participant.state.withdrawn': 'Du har avbokat din plats på den här kursen.',
  'participant.state.cancelled': 'Den här kursen är inställd.',
  'participant.state.completed': 'Du har gått den här kursen.',
  'participant.state.not-completed': 'Den här kursen har avslutats.',
  'participant.sessions': 'Träffar',
  'participant.sessionCancelled': '{date} {time}: den här träffen är inställd',
  'participant.venue': 'Lokal',
  'participant.venueLater': 'Lokalen meddelas senare.',
  'participant.venueOnline': 'Kursen hålls på distans via nätet.',
  'participant.stepFree': 'Lokalen är tillgänglig utan trappsteg.',
  'participant.hearingLoop': 'Lokalen har hörselslinga.',
  'participant.accessibility': 'Tillgänglighet: {notes}',
  'participant.calendar': 'Ladda ned kurstiderna till din kalender (.ics)',
  'participant.withdrawTitle': 'Jag kan ändå inte komma på kursen',
  'participant.withdrawReason': 'Orsak (du kan lämna fältet tomt)',
  'participant.withdrawn': 'Din plats är avbokad. Tack för att du meddelade oss.',
  'participant.withdrawOpen': 'Jag kan inte komma på kursen…',
  'participant.confirmTitle': 'Kan du inte komma på kursen?',
  'participant.confirmIntro': 'Kurs: {course}',
  'participant.confirmAllTitle': 'Jag kan inte komma på kursen alls',
  'participant.confirmAllExplained':
    'Din plats går till nästa person på reservlistan. Du kan inte få den tillbaka. Kurstiderna tas bort från din kalender.',
  'participant.confirmAllSubmit': 'Ja, jag kan inte komma på kursen alls',
  'participant.missOneTitle': 'Jag kan inte komma på en träff',
  'participant.missOneExplained':
    'Du behåller din plats. Vi meddelar kursens handledare att du inte kan komma på den träff du väljer.',
  'participant.missOneSession': 'Vilken träff kan du inte komma på?',
  'participant.missOneSubmit': 'Jag kan inte komma på den här träffen',
  'participant.missOneNone': 'Det finns inga kommande träffar.',
  'participant.missOneSent':
    'Tack för att du meddelade oss. Handledarna vet att du inte kan komma på träffen {date}.',
  'participant.missOneStarted': 'Den här träffen har redan börjat. Välj en kommande träff.',
  'participant.missOneNotTheirs': 'Välj en av de kommande träffarna på din kurs.',
  'participant.back': 'Tillbaka',
  'participant.missedMail.subject': 'En deltagare kan inte komma på träffen {date}: {course}',
  'participant.missedMail.body':
    '{name} har meddelat att hen inte kan komma på träff {number} på kursen {course} ({date} {time}). Hen behåller sin plats på kursen.',
  'participant.deletionSubmit': 'Jag vill att mina uppgifter raderas',
  'participant.deletionReceived':
    'Vi har tagit emot din begäran. Koordinatorn raderar dina uppgifter inom 30 dagar.',
  'participant.deletionPending':
    'Du bad {date} att dina uppgifter ska raderas. Koordinatorn sköter saken.',
  'participant.unknownTitle': 'Länken hittades inte',
  'participant.unknownBody':
    'Kontrollera att du har kopierat hela adressen. Du kan också ringa kurskoordinatorn.',
  'participant.expiredTitle': 'Länken har gått ut',
  'participant.expiredBody':
    'Länken fungerar i 30 dagar efter att kursen har slutat. Om du behöver hjälp kan du ringa kurskoordinatorn.',
};

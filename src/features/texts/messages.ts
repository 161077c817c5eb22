export const fi = {
  'texts.placed':
    '{program}: sinulle on paikka kurssilla. Ensimmäinen kerta {date} klo {time}, {place}.',
  'texts.moved': '{program}: kurssin aika muuttui. Seuraava kerta {date} klo {time}, {place}.',
  'texts.placeCancelled': '{program}, {place}: paikkasi kurssilla on peruttu.',
  'nav.texts': 'Lähtevät tekstiviestit',
  'texts.title': 'Lähtevät tekstiviestit',
  'texts.intro':
    'Tekstiviestit, kuten muistutukset kurssikertaa edeltävänä päivänä, tallentuvat ensin tänne, ja palvelu lähettää ne sitten. Jos lähetys ei onnistu, palvelu yrittää uudelleen itse.',
  'texts.noProvider':
    'Tekstiviestipalvelua ei ole määritetty (SMS_URL), joten viestejä ei lähetetä. Viestit odottavat tällä sivulla, eikä mikään katoa.',
  'texts.listCaption': 'Lähtevät tekstiviestit, uusin ensin',
  'texts.empty': 'Lähteviä tekstiviestejä ei ole.',
  'texts.message': 'Viesti',
  'texts.reminder': 'Muistutus: {program} huomenna {date} klo {time}, {place}. Tervetuloa!',
  'texts.remindersHeading': 'Muistutukset tekstiviestillä',
  'texts.remindersOn':
    'Saat tekstiviestin kurssikertaa edeltävänä päivänä. Viestissä on kurssin aika ja paikka.',
  'texts.remindersStopped': 'Olet lopettanut muistutusviestit. Voit ottaa ne taas käyttöön.',
  'texts.stopReminders': 'Lopeta muistutusviestit',
  'texts.restartReminders': 'Ota muistutusviestit käyttöön',
  'texts.remindersStoppedFlash': 'Muistutusviestit on lopetettu.',
  'texts.remindersRestartedFlash': 'Muistutusviestit ovat taas käytössä.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'texts.placed':
    '{program}: you have a place on the course. First session {date} at {time}, {place}.',
  'texts.moved': '{program}: the course times changed. Next session {date} at {time}, {place}.',
  'texts.placeCancelled': '{program}, {place}: your place on the course is cancelled.',
  'nav.texts': 'Outgoing texts',
  'texts.title': 'Outgoing texts',
  'texts.intro':
    'Text messages, such as the reminders the day before a session, are written here first and then sent in the background. A failed send is tried again automatically.',
  'texts.noProvider':
    'No text-message provider is configured (SMS_URL), so no texts are sent. They wait on this page and nothing is lost.',
  'texts.listCaption': 'Outgoing texts, newest first',
  'texts.empty': 'There are no outgoing texts.',
  'texts.message': 'Message',
  'texts.reminder': 'Reminder: {program} tomorrow, {date} at {time}, {place}. Welcome!',
  'texts.remindersHeading': 'Text message reminders',
  'texts.remindersOn':
    'You get a text message the day before each session, with the time and place of the course.',
  'texts.remindersStopped': 'You have stopped the reminder texts. You can turn them back on.',
  'texts.stopReminders': 'Stop reminder texts',
  'texts.restartReminders': 'Turn reminder texts back on',
  'texts.remindersStoppedFlash': 'Reminder texts are stopped.',
  'texts.remindersRestartedFlash': 'Reminder texts are on again.',
};

export const sv: Record<keyof typeof fi, string> = {
  'texts.placed':
    '{program}: du har fått en plats på kursen. Första träffen {date} kl. {time}, {place}.',
  'texts.moved': '{program}: kursens tider har ändrats. Nästa träff {date} kl. {time}, {place}.',
  'texts.placeCancelled': '{program}, {place}: du har inte längre en plats på kursen.',
  'nav.texts': 'Utgående textmeddelanden',
  'texts.title': 'Utgående textmeddelanden',
  'texts.intro':
    'Textmeddelanden, till exempel påminnelserna dagen före en träff, sparas först här och skickas sedan av tjänsten. Om det inte går att skicka ett meddelande försöker tjänsten på nytt.',
  'texts.noProvider':
    'Ingen sms-tjänst har ställts in (SMS_URL), så inga textmeddelanden skickas. De väntar på den här sidan och inget går förlorat.',
  'texts.listCaption': 'Utgående textmeddelanden, det nyaste först',
  'texts.empty': 'Det finns inga utgående textmeddelanden.',
  'texts.message': 'Meddelande',
  'texts.reminder': 'Påminnelse: {program} i morgon {date} kl. {time}, {place}. Välkommen!',
  'texts.remindersHeading': 'Påminnelser per textmeddelande',
  'texts.remindersOn':
    'Du får ett textmeddelande dagen före varje träff. I meddelandet står tid och plats för kursen.',
  'texts.remindersStopped': 'Du har stängt av påminnelserna. Du kan slå på dem igen.',
  'texts.stopReminders': 'Stäng av påminnelserna',
  'texts.restartReminders': 'Slå på påminnelserna igen',
  'texts.remindersStoppedFlash': 'Påminnelserna är avstängda.',
  'texts.remindersRestartedFlash': 'Påminnelserna är på igen.',
};

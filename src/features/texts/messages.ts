export const fi = {
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

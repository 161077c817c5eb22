export const fi = {
  'texts.reminder': 'Muistutus: {program} huomenna {date} klo {time}, {place}. Tervetuloa!',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'texts.reminder': 'Reminder: {program} tomorrow, {date} at {time}, {place}. Welcome!',
};

export const sv: Record<keyof typeof fi, string> = {
  'texts.reminder': 'Påminnelse: {program} i morgon {date} kl. {time}, {place}. Välkommen!',
};

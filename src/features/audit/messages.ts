export const fi = {
  'nav.audit': 'Lokitiedot',
  'audit.title': 'Henkilötietojen käsittelyloki',
  'audit.intro':
    'Tähän tallentuu aina, kun joku henkilökunnasta katsoo tai muuttaa henkilötietoja. Lokissa näkyy, mitä tietoa käsiteltiin, mutta ei itse tietoa. Uusimmat näkyvät ensin, 50 kerrallaan.',
  'audit.caption': 'Viimeisimmät kirjaukset',
  'audit.at': 'Aika',
  'audit.actor': 'Käyttäjä',
  'audit.action': 'Toiminto',
  'audit.subject': 'Kohde',
  'audit.detail': 'Lisätieto',
  'audit.action.read': 'luki',
  'audit.action.create': 'lisäsi',
  'audit.action.update': 'muutti',
  'audit.action.delete': 'poisti',
  'audit.action.export': 'vei tiedostoon',
  'audit.none': 'Ei kirjauksia.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'nav.audit': 'Audit log',
  'audit.title': 'Personal data audit log',
  'audit.intro':
    'Every read and change of personal data by staff is recorded here. The log names the record and never copies its content. The newest come first, 50 at a time.',
  'audit.caption': 'Latest entries',
  'audit.at': 'Time',
  'audit.actor': 'User',
  'audit.action': 'Action',
  'audit.subject': 'Record',
  'audit.detail': 'Detail',
  'audit.action.read': 'read',
  'audit.action.create': 'created',
  'audit.action.update': 'changed',
  'audit.action.delete': 'deleted',
  'audit.action.export': 'exported to a file',
  'audit.none': 'No entries.',
};

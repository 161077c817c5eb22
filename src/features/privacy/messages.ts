export const fi = {
  'privacy.requestsTitle': 'Tietojen poistopyynnöt',
  'privacy.requestsIntro':
    'Nämä henkilöt pyysivät, että heidän tietonsa poistetaan. Kun poistat tiedot, henkilön kurssipaikka vapautuu ja hänen nimensä, yhteystietonsa, soitot ja haastattelu poistuvat. Tilastoihin jää rivi ilman nimeä.',
  'privacy.requestedAt': '{name}, pyydetty {date}',
  'privacy.erase': 'Poista tiedot: {name}',
  'privacy.erased': 'Henkilön tiedot on poistettu.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'privacy.requestsTitle': 'Requests to delete data',
  'privacy.requestsIntro':
    'These people asked for their data to be deleted. Deleting gives up their course place and removes the name, contact details, calls and interview; an anonymous row stays for the figures.',
  'privacy.requestedAt': '{name}, requested {date}',
  'privacy.erase': 'Delete the data: {name}',
  'privacy.erased': "The person's data has been deleted.",
};

/** Texts of the steps after the password; the sign-in form itself is in the core catalog. */
export const fi = {
  'signIn.accountDisabled': 'Käyttäjätunnuksesi ei ole enää käytössä. Ota yhteyttä pääkäyttäjään.',
  'signIn.codeTitle': 'Kaksivaiheinen tunnistautuminen',
  'signIn.codeIntro':
    'Salasana oli oikein. Kirjoita vielä koodi, jonka puhelimesi todennussovellus näyttää.',
  'signIn.code': 'Koodi',
  'signIn.codeHint':
    'Kuusi numeroa todennussovelluksesta. Jos puhelin ei ole mukana, kirjoita jokin varakoodeistasi.',
  'signIn.codeSubmit': 'Jatka',
  'signIn.wrongCode': 'Koodi ei kelpaa. Tarkista koodi ja yritä uudelleen.',
  'signIn.tooManyCodes': 'Liian monta väärää koodia. Kirjaudu uudelleen salasanalla.',
  'signIn.cancel': 'Peruuta kirjautuminen',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'signIn.accountDisabled': 'Your account has been disabled. Please contact an administrator.',
  'signIn.codeTitle': 'Two-step sign-in',
  'signIn.codeIntro': 'The password was right. Now enter the code shown by your authenticator app.',
  'signIn.code': 'Code',
  'signIn.codeHint':
    'Six digits from the authenticator app. If you do not have your phone, enter one of your recovery codes.',
  'signIn.codeSubmit': 'Continue',
  'signIn.wrongCode': 'The code is not valid. Check it and try again.',
  'signIn.tooManyCodes': 'Too many wrong codes. Please sign in again with your password.',
  'signIn.cancel': 'Cancel sign-in',
};

export const sv: Record<keyof typeof fi, string> = {
  'signIn.accountDisabled': 'Ditt användarkonto används inte längre. Kontakta administratören.',
  'signIn.codeTitle': 'Tvåstegsverifiering',
  'signIn.codeIntro':
    'Lösenordet var rätt. Skriv ännu in koden som autentiseringsappen i din telefon visar.',
  'signIn.code': 'Kod',
  'signIn.codeHint':
    'Sex siffror från autentiseringsappen. Om du inte har telefonen med dig, skriv in en av dina reservkoder.',
  'signIn.codeSubmit': 'Fortsätt',
  'signIn.wrongCode': 'Koden duger inte. Kontrollera koden och försök igen.',
  'signIn.tooManyCodes': 'För många felaktiga koder. Logga in på nytt med lösenordet.',
  'signIn.cancel': 'Avbryt inloggningen',
};

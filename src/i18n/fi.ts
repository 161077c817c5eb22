/**
 * Texts of the shared layout, sign-in and errors, and the validation messages several features
 * use; each feature keeps its own texts in its messages.ts.
 */
export const fi = {
  'app.name': 'Kurssipolku',
  'layout.apply': 'Hae kurssille',
  'layout.refer': 'Ohjaa asiakas kurssille',
  'layout.nominate': 'Ehdota ohjaajakoulutukseen',
  'layout.becomePeer': 'Hae vertaisohjaajaksi',
  'app.tagline': 'Arkeen Voimaa -kurssien suunnittelu ja ilmoittautuminen',
  'layout.skipToContent': 'Siirry sisältöön',
  'layout.mainNavigation': 'Päävalikko',
  'layout.languageSwitch': 'Kielen valinta',
  'layout.signedInAs': 'Kirjautuneena: {name} ({role})',
  'layout.frontPage': 'Etusivu',
  'nav.home': 'Etusivu',
  'nav.users': 'Käyttäjät',
  'nav.signOut': 'Kirjaudu ulos',
  'role.admin': 'pääkäyttäjä',
  'role.coordinator': 'aluekoordinaattori',
  'role.instructor': 'ohjaaja',
  'role.reporting': 'raportointi (vain luvut)',
  'flash.region': 'Ilmoitukset',
  'flash.signedIn': 'Tervetuloa, {name}!',
  'flash.signedOut': 'Olet kirjautunut ulos.',
  'flash.sessionExpired':
    'Et käyttänyt sivuja vähään aikaan, joten sinut kirjattiin ulos. Kirjaudu uudelleen.',
  'flash.languageChanged': 'Kieli vaihdettu suomeksi.',
  'flash.userCreated': 'Käyttäjä {email} lisätty.',
  'signIn.title': 'Kirjaudu sisään',
  'signIn.intro':
    'Kirjautuminen on henkilökunnalle: pääkäyttäjille, aluekoordinaattoreille ja ohjaajille.',
  'signIn.email': 'Sähköposti',
  'signIn.password': 'Salasana',
  'signIn.submit': 'Kirjaudu',
  'signIn.invalidCredentials': 'Sähköposti tai salasana on väärin.',
  'signIn.tooManyAttempts':
    'Liian monta väärää yritystä. Yritä uudelleen {minutes} minuutin kuluttua.',
  'form.errorSummary': 'Lomakkeessa on virheitä. Korjaa merkityt kentät.',
  'form.required': '(pakollinen)',
  'validation.required': 'Tämä tieto puuttuu.',
  'validation.email': 'Anna sähköpostiosoite muodossa nimi@esimerkki.fi.',
  'validation.tooLong': 'Teksti on liian pitkä (enintään {max} merkkiä).',
  'validation.passwordTooShort': 'Salasanassa pitää olla vähintään {min} merkkiä.',
  'validation.role': 'Valitse rooli listasta.',
  'validation.emailTaken': 'Tällä sähköpostiosoitteella on jo käyttäjä.',
  'validation.invalid': 'Tarkista tämä tieto.',
  'validation.wholeNumber': 'Anna kokonaisluku numeroin, esimerkiksi 6.',
  'validation.numberBetween': 'Anna luku väliltä {min}–{max}.',
  'validation.maxBelowMin': 'Enimmäismäärä ei voi olla pienempi kuin vähimmäismäärä ({min}).',
  'validation.unknownChoice': 'Valitse vaihtoehto listasta.',
  'validation.date': 'Anna päivä muodossa vvvv-kk-pp.',
  'validation.endBeforeStart': 'Päättymisajan pitää olla alkamisajan jälkeen.',
  'validation.phone': 'Tarkista puhelinnumero, esimerkiksi 040 123 4567.',
  'validation.unknownLocality': 'Valitse paikkakunnat listasta.',
  'home.title': 'Etusivu',
  'home.greeting': 'Hei, {name}!',
  'home.today': 'Tänään on {date}.',
  'home.sessionEnds': 'Sinut kirjataan ulos klo {time}, jos et käytä sivuja sitä ennen.',
  'home.admin.intro':
    'Pääkäyttäjänä hallitset henkilökunnan käyttäjätunnuksia. Tunnukset luodaan Käyttäjät-sivulla tai komennolla npm run user:add.',
  'home.coordinator.intro':
    'Aluekoordinaattorina suunnittelet lukukauden kurssit paikkakunnittain, haastattelet hakijat puhelimitse ja sijoitat heidät kursseille.',
  'home.reporting.intro':
    'Näet kausien raportit: vain lukumääriä, ei koskaan nimiä, puhelinnumeroita tai sähköpostiosoitteita.',
  'home.instructor.intro':
    'Ohjaajana näet omat kurssisi ja niiden osallistujat ja kirjaat läsnäolot jokaisella kokoontumiskerralla.',
  'users.title': 'Käyttäjät',
  'users.listCaption': 'Henkilökunnan käyttäjätunnukset',
  'users.name': 'Nimi',
  'users.email': 'Sähköposti',
  'users.role': 'Rooli',
  'users.createdAt': 'Lisätty',
  'users.addTitle': 'Lisää käyttäjä',
  'users.initialPassword': 'Ensimmäinen salasana',
  'users.initialPasswordHint':
    'Vähintään 12 merkkiä. Anna salasana käyttäjälle turvallista reittiä, ei sähköpostilla.',
  'users.chooseRole': 'Valitse rooli',
  'users.submit': 'Lisää käyttäjä',
  'error.backHome': 'Palaa etusivulle',
  'error.400.title': 'Virheellinen pyyntö',
  'error.400.body':
    'Palvelu ei ymmärtänyt lähettämiäsi tietoja. Tarkista tiedot ja yritä uudelleen.',
  'error.403.title': 'Ei käyttöoikeutta',
  'error.403.body':
    'Sinulla ei ole oikeutta tähän sivuun. Jos lähetit lomakkeen, lataa sivu uudelleen ja yritä sitten uudelleen.',
  'error.404.title': 'Sivua ei löytynyt',
  'error.404.body': 'Etsimääsi sivua ei ole, tai se on siirretty.',
  'error.413.title': 'Liikaa tietoa',
  'error.413.body':
    'Lähetit enemmän tietoa kuin yksikään lomake tarvitsee, joten tietoja ei tallennettu. Palaa lomakkeelle ja yritä uudelleen.',
  'error.503.title': 'Palvelu on juuri nyt ruuhkainen',
  'error.503.body':
    'Tietoja ei tallennettu, koska palvelussa oli samalla hetkellä paljon muita tallennuksia. Palaa lomakkeelle ja lähetä se uudelleen.',
  'error.500.title': 'Jokin meni vikaan',
  'error.500.body':
    'Palvelussa tapahtui virhe. Mitään ei tallennettu puoliksi. Yritä hetken päästä uudelleen.',
} as const;

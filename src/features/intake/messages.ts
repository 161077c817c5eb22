export const fi = {
  'nav.newApplication': 'Uusi hakemus',

  'intake.applyTitle': 'Hae Arkeen Voimaa -kurssille',
  'intake.applyIntro':
    'Arkeen Voimaa on kurssi, jossa sama ryhmä kokoontuu kuusi kertaa. Ryhmässä saat tukea arkeen, kun sinulla on pitkäaikainen sairaus tai elämäntilanteesi on raskas. Jätä yhteystietosi, niin kurssikoordinaattori soittaa sinulle ja kertoo lisää.',
  'intake.openCoursesTitle': 'Kurssit, joille voi hakea nyt',
  'intake.noOpenCourses':
    'Juuri nyt millekään kurssille ei voi hakea. Voit silti jättää yhteystietosi. Koordinaattori soittaa sinulle, kun lähelläsi alkaa kurssi.',
  'intake.course': 'Kurssi',
  'intake.dates': 'Päivät',
  'intake.time': 'Aika',
  'intake.venue': 'Paikka',
  'intake.venueToBeConfirmed': 'Paikka vahvistetaan myöhemmin',
  'intake.weeklyTime': '{weekday} {time}',
  'intake.weekday.0': 'sunnuntaisin',
  'intake.weekday.1': 'maanantaisin',
  'intake.weekday.2': 'tiistaisin',
  'intake.weekday.3': 'keskiviikkoisin',
  'intake.weekday.4': 'torstaisin',
  'intake.weekday.5': 'perjantaisin',
  'intake.weekday.6': 'lauantaisin',

  'intake.formTitle': 'Hakulomake',
  'intake.name': 'Nimi',
  'intake.phone': 'Puhelinnumero',
  'intake.phoneHint': 'Koordinaattori soittaa tähän numeroon, esimerkiksi 040 123 4567.',
  'intake.email': 'Sähköposti',
  'intake.emailHint':
    'Voit jättää tyhjäksi. Jos annat sähköpostin, kurssin kutsu tulee sähköpostiin. Muuten saat kutsun kirjeenä.',
  'intake.municipality': 'Kotikunta',
  'intake.chooseMunicipality': 'Valitse kunta',
  'intake.otherMunicipalityOption': 'Muu kunta',
  'intake.otherMunicipality': 'Muu kunta, mikä?',
  'intake.otherMunicipalityHint': 'Täytä vain, jos valitsit ”Muu kunta”.',
  'intake.preferredCourse': 'Toivottu kurssi',
  'intake.anyCourse': 'Mikä tahansa kurssi lähelläni',
  'intake.goodTimesToCall': 'Milloin sinulle voi soittaa?',
  'intake.goodTimesToCallHint': 'Voit jättää tyhjäksi. Esimerkiksi ”arkisin aamupäivisin”.',
  'intake.contactLanguage': 'Yhteydenpitokieli',
  'intake.contactLanguageHint': 'Kirjeet, viestit ja kalenterimerkinnät lähetetään tällä kielellä.',
  'intake.honeypot': 'Jätä tämä kenttä tyhjäksi',
  'intake.consent':
    'Saatte tallentaa tietoni ja soittaa minulle kurssista, niin kuin yllä kerrotaan.',
  'intake.submitApplication': 'Lähetä hakemus',

  'intake.referralTitle': 'Ohjaa asiakas Arkeen Voimaa -kurssille',
  'intake.referralIntro':
    'Tämä lomake on ammattilaisille. Jos asiakkaasi haluaa kurssille ja antaa luvan soittaa hänelle, täytä hänen tietonsa. Kurssikoordinaattori soittaa asiakkaalle.',
  'intake.seeOpenCourses': 'Katso kurssit, joille voi hakea nyt',
  'intake.referrerTitle': 'Ohjaavan työntekijän tiedot',
  'intake.referrerName': 'Nimesi',
  'intake.referrerUnit': 'Työyksikkö',
  'intake.referrerContact': 'Yhteystietosi',
  'intake.referrerContactHint':
    'Puhelinnumero tai sähköposti, jos koordinaattorilla on kysyttävää.',
  'intake.clientTitle': 'Asiakkaan tiedot',
  'intake.clientConsent':
    'Asiakas on antanut luvan siihen, että kurssikoordinaattori ottaa häneen yhteyttä.',
  'intake.submitReferral': 'Lähetä ohjaus',

  'intake.phoneTitle': 'Uusi hakemus puhelimessa',
  'intake.phoneIntro':
    'Kirjaa hakemus, jonka sait puhelimessa. Kerro soittajalle, miten hänen tietojaan käytetään, ja kysy lupa.',
  'intake.verbalConsent': 'Henkilö antoi suullisesti luvan tietojensa tallentamiseen',
  'intake.verbalConsentHint': 'Nimesi tallentuu luvan kysyjäksi.',
  'intake.submitPhoneApplication': 'Tallenna hakemus',
  'intake.flash.phoneApplicationSaved': 'Hakemus tallennettu: {name}. Hän on nyt soittolistalla.',
  'intake.flash.phoneApplicationMerged':
    'Henkilöllä {name} oli jo hakemus samalle kurssille. Uudet tiedot lisättiin siihen.',

  'intake.thanksTitle': 'Kiitos hakemuksestasi',
  'intake.thanksText':
    'Kurssikoordinaattori soittaa sinulle lähipäivinä ja kertoo kurssista lisää. Puhelu voi tulla tuntemattomasta numerosta.',
  'intake.referralThanksTitle': 'Kiitos ohjauksesta',
  'intake.referralThanksText':
    'Kurssikoordinaattori soittaa asiakkaallesi lähipäivinä ja kertoo kurssista lisää.',
  'intake.thanksRemoval':
    'Jos haluat, että tietosi poistetaan, sano se koordinaattorille, kun hän soittaa.',
  'intake.backToCourses': 'Takaisin kursseihin',

  'intake.tooManySubmissions':
    'Tältä laitteelta on lähetetty liian monta lomaketta lyhyessä ajassa. Tietojasi ei tallennettu. Yritä uudelleen {minutes} minuutin kuluttua.',
  'intake.validation.consent':
    'Anna lupa tietojen tallentamiseen. Ilman lupaa hakemusta ei voi lähettää.',
  'intake.validation.clientConsent': 'Vahvista, että asiakas on antanut luvan soittaa hänelle.',
  'intake.validation.verbalConsent':
    'Kysy henkilöltä lupa. Ilman lupaa hakemusta ei voi tallentaa.',
  'intake.validation.courseNotOpen': 'Tälle kurssille ei voi hakea. Valitse kurssi listasta.',
  'intake.validation.municipality': 'Valitse kotikunta tai ”Muu kunta”.',
  'intake.validation.referrerContact': 'Anna puhelinnumero tai sähköpostiosoite.',
  'intake.validation.postcode': 'Postinumerossa on viisi numeroa, esimerkiksi 40100.',
  'intake.validation.addressPart':
    'Kirjettä varten tarvitaan koko osoite: katu, postinumero ja postitoimipaikka.',
  'intake.postal.legend': 'Postiosoite (vapaaehtoinen)',
  'intake.postal.hint':
    'Jos sinulla ei ole sähköpostia, lähetämme kurssikirjeet tähän osoitteeseen.',
  'intake.postal.hintOther':
    'Jos henkilöllä ei ole sähköpostia, kurssikirjeet lähetetään tähän osoitteeseen.',
  'intake.postalStreet': 'Katuosoite',
  'intake.postalCode': 'Postinumero',
  'intake.postOffice': 'Postitoimipaikka',

  'intake.unconfirmed.title': 'Vahvistamattomat tiedot',
  'intake.unconfirmed.intro':
    'Verkkolomake tai lähete toi hakemukseen uusia tietoja. Lomakkeen voi lähettää kuka tahansa, joka tietää puhelinnumeron. Siksi tiedot tulevat hakemukseen vasta, kun olet tarkistanut ne hakijalta.',
  'intake.unconfirmed.received': '{name}: saapui {date} ({source})',
  'intake.unconfirmed.caption': 'Lomakkeen tuomat tiedot',
  'intake.unconfirmed.detail': 'Tieto',
  'intake.unconfirmed.current': 'Hakemuksessa nyt',
  'intake.unconfirmed.offered': 'Lomakkeelta',
  'intake.unconfirmed.empty': '(tyhjä)',
  'intake.unconfirmed.nothingNew': 'Hakemuksessa on jo nämä tiedot.',
  'intake.unconfirmed.field.name': 'Nimi',
  'intake.unconfirmed.field.phone': 'Puhelin',
  'intake.unconfirmed.field.email': 'Sähköposti',
  'intake.unconfirmed.field.municipality': 'Kotikunta',
  'intake.unconfirmed.field.goodTimesToCall': 'Hyvä soittoaika',
  'intake.unconfirmed.field.referrerName': 'Ohjaava työntekijä',
  'intake.unconfirmed.field.referrerUnit': 'Ohjaavan työntekijän yksikkö',
  'intake.unconfirmed.field.referrerContact': 'Ohjaavan työntekijän yhteystieto',
  'intake.unconfirmed.takeOver': 'Ota nämä tiedot käyttöön',
  'intake.unconfirmed.dismiss': 'Hylkää',
  'intake.flash.submissionTakenOver': 'Tiedot on lisätty hakemukseen.',
  'intake.flash.submissionDismissed': 'Vahvistamattomat tiedot hylättiin.',
  'intake.flash.submissionAlreadyReviewed': 'Nämä tiedot oli jo käsitelty.',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'nav.newApplication': 'New application',

  'intake.applyTitle': 'Apply for an Arkeen Voimaa course',
  'intake.applyIntro':
    'Arkeen Voimaa is a six-session peer group for coping with everyday life with a long-term illness or a demanding life situation. Leave your contact details and the course coordinator will phone you to tell you more.',
  'intake.openCoursesTitle': 'Courses open for applications',
  'intake.noOpenCourses':
    'No course is open for applications right now. You can still leave your contact details: the coordinator will phone you when a course starts near you.',
  'intake.course': 'Course',
  'intake.dates': 'Dates',
  'intake.time': 'Time',
  'intake.venue': 'Venue',
  'intake.venueToBeConfirmed': 'Venue to be confirmed',
  'intake.weeklyTime': '{weekday} {time}',
  'intake.weekday.0': 'Sundays',
  'intake.weekday.1': 'Mondays',
  'intake.weekday.2': 'Tuesdays',
  'intake.weekday.3': 'Wednesdays',
  'intake.weekday.4': 'Thursdays',
  'intake.weekday.5': 'Fridays',
  'intake.weekday.6': 'Saturdays',

  'intake.formTitle': 'Application form',
  'intake.name': 'Name',
  'intake.phone': 'Phone number',
  'intake.phoneHint': 'The coordinator will call this number, e.g. 040 123 4567.',
  'intake.email': 'E-mail',
  'intake.emailHint': 'Optional. Course invitations come by e-mail, otherwise as a letter.',
  'intake.municipality': 'Home municipality',
  'intake.chooseMunicipality': 'Choose a municipality',
  'intake.otherMunicipalityOption': 'Other municipality',
  'intake.otherMunicipality': 'Other municipality, which?',
  'intake.otherMunicipalityHint': 'Only if you chose “Other municipality”.',
  'intake.preferredCourse': 'Preferred course',
  'intake.anyCourse': 'Any course near me',
  'intake.goodTimesToCall': 'When is a good time to call you?',
  'intake.goodTimesToCallHint': 'Optional, e.g. “weekday mornings”.',
  'intake.contactLanguage': 'Language of contact',
  'intake.contactLanguageHint': 'Letters, messages and calendar entries are sent in this language.',
  'intake.honeypot': 'Leave empty',
  'intake.consent':
    'I agree that my details are stored and that I am phoned about the course as described above.',
  'intake.submitApplication': 'Send application',

  'intake.referralTitle': 'Refer a client to an Arkeen Voimaa course',
  'intake.referralIntro':
    'For professionals: when your client wants to join a course and has agreed to be contacted, fill in their details. The course coordinator will phone the client.',
  'intake.seeOpenCourses': 'See the courses open for applications',
  'intake.referrerTitle': 'About you',
  'intake.referrerName': 'Your name',
  'intake.referrerUnit': 'Unit',
  'intake.referrerContact': 'Your contact',
  'intake.referrerContactHint': 'A phone number or e-mail, in case the coordinator has questions.',
  'intake.clientTitle': 'About the client',
  'intake.clientConsent': 'The client has agreed to be contacted by the course coordinator.',
  'intake.submitReferral': 'Send referral',

  'intake.phoneTitle': 'New application by phone',
  'intake.phoneIntro':
    'Record an application taken on the phone. Tell the caller how their data is handled and ask for consent.',
  'intake.verbalConsent': 'The person consented verbally to their details being stored',
  'intake.verbalConsentHint': 'You are recorded as the one who took the consent.',
  'intake.submitPhoneApplication': 'Save application',
  'intake.flash.phoneApplicationSaved': 'Application saved: {name}. They are on the call list.',
  'intake.flash.phoneApplicationMerged':
    '{name} already had an application for the same course; the new details were added to it.',

  'intake.thanksTitle': 'Thank you for your application',
  'intake.thanksText':
    'The course coordinator will phone you in the next few days and tell you more about the course. The call may come from an unknown number.',
  'intake.referralThanksTitle': 'Thank you for the referral',
  'intake.referralThanksText':
    'The course coordinator will phone your client in the next few days and tell them more about the course.',
  'intake.thanksRemoval': 'If you want your data removed, tell the coordinator when they call.',
  'intake.backToCourses': 'Back to the courses',

  'intake.tooManySubmissions':
    'Too many forms have been sent from this address in a short time. Please try again in {minutes} minutes. Your details were not saved.',
  'intake.validation.consent':
    'The application cannot be sent without consent to store your details.',
  'intake.validation.clientConsent': 'Confirm that the client has agreed to be contacted.',
  'intake.validation.verbalConsent':
    "The application cannot be saved without the person's consent.",
  'intake.validation.courseNotOpen':
    'This course is not open for applications. Choose one from the list.',
  'intake.validation.municipality': 'Choose a home municipality or “Other municipality”.',
  'intake.validation.referrerContact': 'Give a phone number or an e-mail address.',
  'intake.validation.postcode': 'A postcode has five digits, for example 40100.',
  'intake.validation.addressPart':
    'A letter needs the whole address: street, postcode and post office.',
  'intake.postal.legend': 'Postal address (optional)',
  'intake.postal.hint': 'If you have no e-mail, we send the course letters to this address.',
  'intake.postal.hintOther':
    'If the person has no e-mail, the course letters are sent to this address.',
  'intake.postalStreet': 'Street address',
  'intake.postalCode': 'Postcode',
  'intake.postOffice': 'Post office',

  'intake.unconfirmed.title': 'Unconfirmed details',
  'intake.unconfirmed.intro':
    'A web form or referral brought details to an existing application that it does not hold. Anyone who knows the phone number can send the form, so the details are used only once you have checked them with the applicant.',
  'intake.unconfirmed.received': '{name}: received {date} ({source})',
  'intake.unconfirmed.caption': 'Details offered',
  'intake.unconfirmed.detail': 'Detail',
  'intake.unconfirmed.current': 'In the application now',
  'intake.unconfirmed.offered': 'Offered',
  'intake.unconfirmed.empty': '(empty)',
  'intake.unconfirmed.nothingNew': 'The application already holds these details.',
  'intake.unconfirmed.field.name': 'Name',
  'intake.unconfirmed.field.phone': 'Phone',
  'intake.unconfirmed.field.email': 'E-mail',
  'intake.unconfirmed.field.municipality': 'Home municipality',
  'intake.unconfirmed.field.goodTimesToCall': 'Good time to call',
  'intake.unconfirmed.field.referrerName': 'Referrer',
  'intake.unconfirmed.field.referrerUnit': 'Referrer’s unit',
  'intake.unconfirmed.field.referrerContact': 'Referrer’s contact',
  'intake.unconfirmed.takeOver': 'Take over these details',
  'intake.unconfirmed.dismiss': 'Dismiss',
  'intake.flash.submissionTakenOver': 'The details were taken over into the application.',
  'intake.flash.submissionDismissed': 'The unconfirmed details were dismissed.',
  'intake.flash.submissionAlreadyReviewed': 'These details had already been handled.',
};

export const sv: Record<keyof typeof fi, string> = {
  'nav.newApplication': 'Ny ansökan',

  'intake.applyTitle': 'Sök till en Arkeen Voimaa-kurs',
  'intake.applyIntro':
    'Arkeen Voimaa är en kurs där samma grupp träffas sex gånger. I gruppen får du stöd i vardagen när du har en långvarig sjukdom eller när din livssituation är tung. Lämna dina kontaktuppgifter, så ringer kurskoordinatorn dig och berättar mer.',
  'intake.openCoursesTitle': 'Kurser som du kan söka till nu',
  'intake.noOpenCourses':
    'Just nu kan du inte söka till någon kurs. Du kan ändå lämna dina kontaktuppgifter. Koordinatorn ringer dig när en kurs börjar nära dig.',
  'intake.course': 'Kurs',
  'intake.dates': 'Datum',
  'intake.time': 'Tid',
  'intake.venue': 'Plats',
  'intake.venueToBeConfirmed': 'Platsen bekräftas senare',
  'intake.weeklyTime': '{weekday} {time}',
  'intake.weekday.0': 'söndagar',
  'intake.weekday.1': 'måndagar',
  'intake.weekday.2': 'tisdagar',
  'intake.weekday.3': 'onsdagar',
  'intake.weekday.4': 'torsdagar',
  'intake.weekday.5': 'fredagar',
  'intake.weekday.6': 'lördagar',

  'intake.formTitle': 'Ansökningsblankett',
  'intake.name': 'Namn',
  'intake.phone': 'Telefonnummer',
  'intake.phoneHint': 'Koordinatorn ringer till det här numret, till exempel 040 123 4567.',
  'intake.email': 'E-post',
  'intake.emailHint':
    'Du kan lämna fältet tomt. Om du ger din e-postadress får du kursinbjudan per e-post. Annars får du inbjudan som brev.',
  'intake.municipality': 'Hemkommun',
  'intake.chooseMunicipality': 'Välj kommun',
  'intake.otherMunicipalityOption': 'Annan kommun',
  'intake.otherMunicipality': 'Annan kommun, vilken?',
  'intake.otherMunicipalityHint': 'Fyll i bara om du valde ”Annan kommun”.',
  'intake.preferredCourse': 'Önskad kurs',
  'intake.anyCourse': 'Vilken kurs som helst nära mig',
  'intake.goodTimesToCall': 'När kan vi ringa dig?',
  'intake.goodTimesToCallHint': 'Du kan lämna fältet tomt. Till exempel ”vardagar före lunch”.',
  'intake.contactLanguage': 'Kontaktspråk',
  'intake.contactLanguageHint':
    'Brev, meddelanden och kalenderanteckningar skickas på det här språket.',
  'intake.honeypot': 'Lämna det här fältet tomt',
  'intake.consent':
    'Ni får spara mina uppgifter och ringa mig om kursen, så som det beskrivs ovan.',
  'intake.submitApplication': 'Skicka ansökan',

  'intake.referralTitle': 'Remittera en klient till en Arkeen Voimaa-kurs',
  'intake.referralIntro':
    'Den här blanketten är för yrkespersoner. Om din klient vill gå kursen och ger lov att vi ringer hen, fyll i klientens uppgifter. Kurskoordinatorn ringer klienten.',
  'intake.seeOpenCourses': 'Se kurserna som du kan söka till nu',
  'intake.referrerTitle': 'Uppgifter om den remitterande arbetstagaren',
  'intake.referrerName': 'Ditt namn',
  'intake.referrerUnit': 'Arbetsenhet',
  'intake.referrerContact': 'Dina kontaktuppgifter',
  'intake.referrerContactHint': 'Telefonnummer eller e-post, om koordinatorn har frågor.',
  'intake.clientTitle': 'Uppgifter om klienten',
  'intake.clientConsent': 'Klienten har gett lov till att kurskoordinatorn kontaktar hen.',
  'intake.submitReferral': 'Skicka remissen',

  'intake.phoneTitle': 'Ny ansökan per telefon',
  'intake.phoneIntro':
    'För in en ansökan som du tog emot per telefon. Berätta för den som ringer hur hens uppgifter används, och be om lov.',
  'intake.verbalConsent': 'Personen gav muntligt lov till att hens uppgifter sparas',
  'intake.verbalConsentHint': 'Ditt namn sparas som den som bad om lov.',
  'intake.submitPhoneApplication': 'Spara ansökan',
  'intake.flash.phoneApplicationSaved': 'Ansökan sparad: {name}. Hen finns nu på samtalslistan.',
  'intake.flash.phoneApplicationMerged':
    '{name} hade redan en ansökan till samma kurs. De nya uppgifterna lades till i den.',

  'intake.thanksTitle': 'Tack för din ansökan',
  'intake.thanksText':
    'Kurskoordinatorn ringer dig inom de närmaste dagarna och berättar mer om kursen. Samtalet kan komma från ett okänt nummer.',
  'intake.referralThanksTitle': 'Tack för remissen',
  'intake.referralThanksText':
    'Kurskoordinatorn ringer din klient inom de närmaste dagarna och berättar mer om kursen.',
  'intake.thanksRemoval':
    'Om du vill att dina uppgifter raderas, säg det till koordinatorn när hen ringer.',
  'intake.backToCourses': 'Tillbaka till kurserna',

  'intake.tooManySubmissions':
    'För många blanketter har skickats från den här enheten på kort tid. Dina uppgifter sparades inte. Försök igen om {minutes} minuter.',
  'intake.validation.consent':
    'Ge lov till att dina uppgifter sparas. Utan lov kan ansökan inte skickas.',
  'intake.validation.clientConsent': 'Bekräfta att klienten har gett lov till att vi ringer hen.',
  'intake.validation.verbalConsent': 'Be personen om lov. Utan lov kan ansökan inte sparas.',
  'intake.validation.courseNotOpen': 'Du kan inte söka till den här kursen. Välj en kurs i listan.',
  'intake.validation.municipality': 'Välj hemkommun eller ”Annan kommun”.',
  'intake.validation.referrerContact': 'Ange telefonnummer eller e-postadress.',
  'intake.validation.postcode': 'Postnumret har fem siffror, till exempel 40100.',
  'intake.validation.addressPart':
    'För ett brev behövs hela adressen: gatuadress, postnummer och postanstalt.',
  'intake.postal.legend': 'Postadress (frivillig)',
  'intake.postal.hint': 'Om du inte har e-post skickar vi kursbreven till den här adressen.',
  'intake.postal.hintOther':
    'Om personen inte har e-post skickas kursbreven till den här adressen.',
  'intake.postalStreet': 'Gatuadress',
  'intake.postalCode': 'Postnummer',
  'intake.postOffice': 'Postanstalt',

  'intake.unconfirmed.title': 'Obekräftade uppgifter',
  'intake.unconfirmed.intro':
    'En webbblankett eller remiss gav nya uppgifter till ansökan. Vem som helst som känner till telefonnumret kan skicka blanketten. Därför kommer uppgifterna in i ansökan först när du har kontrollerat dem med den sökande.',
  'intake.unconfirmed.received': '{name}: kom in {date} ({source})',
  'intake.unconfirmed.caption': 'Uppgifter från blanketten',
  'intake.unconfirmed.detail': 'Uppgift',
  'intake.unconfirmed.current': 'I ansökan nu',
  'intake.unconfirmed.offered': 'Från blanketten',
  'intake.unconfirmed.empty': '(tomt)',
  'intake.unconfirmed.nothingNew': 'Ansökan har redan de här uppgifterna.',
  'intake.unconfirmed.field.name': 'Namn',
  'intake.unconfirmed.field.phone': 'Telefon',
  'intake.unconfirmed.field.email': 'E-post',
  'intake.unconfirmed.field.municipality': 'Hemkommun',
  'intake.unconfirmed.field.goodTimesToCall': 'Lämplig tid att ringa',
  'intake.unconfirmed.field.referrerName': 'Remitterande arbetstagare',
  'intake.unconfirmed.field.referrerUnit': 'Den remitterande arbetstagarens enhet',
  'intake.unconfirmed.field.referrerContact': 'Den remitterande arbetstagarens kontaktuppgift',
  'intake.unconfirmed.takeOver': 'Ta i bruk de här uppgifterna',
  'intake.unconfirmed.dismiss': 'Förkasta',
  'intake.flash.submissionTakenOver': 'Uppgifterna har lagts till i ansökan.',
  'intake.flash.submissionDismissed': 'De obekräftade uppgifterna förkastades.',
  'intake.flash.submissionAlreadyReviewed': 'De här uppgifterna var redan behandlade.',
};

export const fi = {
  'home.decisions': 'Päätettävät kurssit: toteutuuko kurssi?',
  'home.myCourses': 'Omat kurssit',
  'home.noCourses':
    'Sinulla ei ole vielä kursseja. Aluekoordinaattori lisää sinut kurssin ohjaajaksi.',
  'home.feedHint': 'Saat kokoontumiset puhelimesi kalenteriin Kalenteritilaus-sivulta.',
  'home.sessionsOf': 'Kokoontumiset: {course}',
  'home.licenceItems': 'Ohjaajat, joille tarvitaan kurssi',
  'home.noCoursePlanned':
    'koulutettu {date}, kurssia ei ole vielä suunniteltu ({months}). Ensimmäinen kurssi olisi hyvä pitää {preferredBy} mennessä. Lisenssi on voimassa {validUntil} asti.',
  'home.aboutToLapse':
    'viimeisin kurssi päättyi {date}. Lisenssi raukeaa pian (voimassa {validUntil} asti), eikä uutta kurssia ole suunniteltu.',
  'home.planCourse': 'Suunnittele kurssi',
  'home.myHours': 'Oma työaika',
  'home.selfWithdrawals': 'Osallistujat, jotka peruivat paikkansa itse (14 päivää)',
  'home.selfWithdrawal': '{name} perui {date}: {course}.',
  'home.selfWithdrawalReason': 'Syy: {reason}',
  'home.openRoster': 'Avaa osallistujalista',
  'home.front.title': 'Arkeen Voimaa -kurssit',
  'home.front.intro':
    'Arkeen Voimaa on maksuton kurssi, jossa saat tukea arkeen. Kurssi on tarkoitettu ihmisille, joilla on pitkäaikainen sairaus, ja heidän läheisilleen. Alla ovat kurssit, joille voit hakea nyt.',
  'home.front.seatsLeft': 'Vapaita paikkoja',
  'home.front.full': 'Täynnä – voit hakea jonoon',
  'home.front.applyTitle': 'Hae kurssille',
  'home.front.applyText': 'Hae itse kurssille. Soitamme sinulle ja kerromme lisää.',
  'home.front.referTitle': 'Ohjaa asiakas kurssille',
  'home.front.referText':
    'Sosiaali- tai terveysalan ammattilainen voi ohjata asiakkaansa kurssille.',
  'home.front.contactTitle': 'Yhteystiedot',
  'home.front.contactText': 'Kysyttävää kursseista? Soita tai kirjoita meille.',
  'home.front.staffSignIn': 'Henkilökunnan kirjautuminen',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'home.decisions': 'Courses to decide: does the course go ahead?',
  'home.myCourses': 'My courses',
  'home.noCourses':
    'You have no courses yet. The regional coordinator adds you as a course instructor.',
  'home.feedHint': 'Get the sessions into your phone calendar from the Calendar feed page.',
  'home.sessionsOf': 'Sessions: {course}',
  'home.licenceItems': 'Instructors who need a course',
  'home.noCoursePlanned':
    'trained {date}, no course planned yet ({months}). First course preferably by {preferredBy}; the licence is valid until {validUntil}.',
  'home.aboutToLapse':
    'last course ended {date}; the licence is about to lapse (valid until {validUntil}) and no course is planned.',
  'home.planCourse': 'Plan a course',
  'home.myHours': 'My hours',
  'home.selfWithdrawals': 'Withdrawals by participants themselves (14 days)',
  'home.selfWithdrawal': '{name} withdrew on {date}: {course}.',
  'home.selfWithdrawalReason': 'Reason: {reason}',
  'home.openRoster': 'Open the roster',
  'home.front.title': 'Arkeen Voimaa courses',
  'home.front.intro':
    'Arkeen Voimaa is a free peer-led course for people with a long-term illness and those close to them. Below are the courses open for applications now.',
  'home.front.seatsLeft': 'Seats left',
  'home.front.full': 'Full – you can apply for the waiting list',
  'home.front.applyTitle': 'Apply for a course',
  'home.front.applyText': 'Apply yourself. We will call you and tell you more.',
  'home.front.referTitle': 'Refer a client',
  'home.front.referText': 'A health or social care professional can refer a client to a course.',
  'home.front.contactTitle': 'Contact',
  'home.front.contactText': 'Questions about the courses? Call or write to us.',
  'home.front.staffSignIn': 'Staff sign-in',
};

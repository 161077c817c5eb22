export const fi = {
  'home.decisions': 'Päätettävät kurssit: toteutuuko kurssi?',
  'home.myCourses': 'Omat kurssit',
  'home.noCourses':
    'Sinulla ei ole vielä kursseja. Aluekoordinaattori lisää sinut kurssin ohjaajaksi.',
  'home.feedHint': 'Saat kokoontumiset puhelimesi kalenteriin Kalenteritilaus-sivulta.',
  'home.sessionsOf': 'Kokoontumiset: {course}',
  'home.licenceItems': 'Ohjaajat, joille tarvitaan kurssi',
  'home.noCoursePlanned':
    'koulutettu {date}, kurssia ei ole vielä suunniteltu ({months}). Ensimmäinen kurssi mieluiten {preferredBy} mennessä, lisenssi voimassa {validUntil} asti.',
  'home.aboutToLapse':
    'viimeisin kurssi päättyi {date}, lisenssi raukeaa pian (voimassa {validUntil} asti) eikä uutta kurssia ole suunniteltu.',
  'home.planCourse': 'Suunnittele kurssi',
  'home.myHours': 'Oma työaika',
  'home.selfWithdrawals': 'Itse perutut osallistumiset (14 päivää)',
  'home.selfWithdrawal': '{name} perui {date}: {course}.',
  'home.selfWithdrawalReason': 'Syy: {reason}',
  'home.openRoster': 'Avaa osallistujalista',
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
};

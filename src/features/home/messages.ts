export const fi = {
  'home.decisions': 'Päätettävät kurssit: toteutuuko kurssi?',
  'home.myCourses': 'Omat kurssit',
  'home.noCourses':
    'Sinulla ei ole vielä kursseja. Aluekoordinaattori lisää sinut kurssin ohjaajaksi.',
  'home.feedHint': 'Saat kokoontumiset puhelimesi kalenteriin Kalenteritilaus-sivulta.',
  'home.sessionsOf': 'Kokoontumiset: {course}',
  'home.myHours': 'Oma työaika',
} as const;

export const en: Record<keyof typeof fi, string> = {
  'home.decisions': 'Courses to decide: does the course go ahead?',
  'home.myCourses': 'My courses',
  'home.noCourses':
    'You have no courses yet. The regional coordinator adds you as a course instructor.',
  'home.feedHint': 'Get the sessions into your phone calendar from the Calendar feed page.',
  'home.sessionsOf': 'Sessions: {course}',
  'home.myHours': 'My hours',
};

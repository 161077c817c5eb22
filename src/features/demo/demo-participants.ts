import { interviews } from '../../../db/schema';
import type { Transaction } from '../../db';
import { addDays, wallClockToInstant, type LocalDate } from '../../lib/helsinki-time';
import { placeIn } from '../enrollment/seats';
import type { MailSettings } from '../invites/invitations';
import { saveInTransaction } from '../intake/queries';

/** Invented people only: no name, number or address belongs to anyone real. */
export const demoFirstNames = [
  'Aila',
  'Väinö',
  'Sirkka',
  'Pentti',
  'Märta',
  'Yrjö',
  'Kyllikki',
  'Tauno',
  'Åsa',
  'Eero',
  'Raija',
  'Jouko',
  'Lempi',
  'Olavi',
  'Terttu',
  'Viljo',
  'Hilkka',
  'Reijo',
  'Anneli',
  'Toivo',
  'Päivi',
  'Esko',
  'Ritva',
  'Heikki',
  'Sinikka',
  'Arvo',
  'Leena',
  'Mauno',
  'Kaarina',
  'Ilmari',
  'Marjatta',
  'Seppo',
  'Elina',
];
export const demoLastNames = [
  'Mäenpää',
  'Hämäläinen',
  'Kivistö',
  'Ylä-Soini',
  'Rintamäki',
  'Kärki',
  'Nyqvist',
  'Öhman',
  'Laitila',
  'Peltoniemi',
  'Hakala',
  'Syrjälä',
  'Kangasniemi',
  'Väisänen',
  'Pukkila',
];

/** Needs told in the interview: a few of the people have some. */
const someNeeds = ['step-free', 'hearing', 'transport', ''] as const;

/** The demo localities' postcodes, for the invented letter addresses of people without e-mail. */
const postcodes: Record<string, string> = {
  Seinäjoki: '60100',
  Lapua: '62100',
  Kauhajoki: '61800',
  Ilmajoki: '60800',
  Alajärvi: '62900',
  Kurikka: '61300',
};

/** An invented street address: letters to people without e-mail need one. */
function demoPostalAddress(person: number, locality: string) {
  return {
    postalStreet: `Esimerkkitie ${person + 1}`,
    postalCode: postcodes[locality] ?? '60100',
    postOffice: locality,
  };
}

export type DemoCourse = {
  id: number;
  locality: string;
  localityId: number;
  firstDate: LocalDate;
  placed: number;
  waitlisted?: number;
};

/** A name as it appears in an invented e-mail address: lower case, no accents, letters only. */
export function asEmailPart(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z]/g, '');
}

/**
 * Fills the running and open courses, and the one that ended, with placed participants (about
 * half with an e-mail address, the rest by phone only, a few with needs) and a short waitlist
 * where asked. They were taken in two weeks before the course began, so their invitations, or
 * letters for those without e-mail, wait in the outbox as they would have then.
 */
export function addDemoParticipants(
  db: Transaction,
  courses: DemoCourse[],
  mail: MailSettings,
): void {
  let person = 0;
  for (const course of courses) {
    const takenIn = wallClockToInstant(addDays(course.firstDate, -14), '10:00');
    for (let seat = 0; seat < course.placed + (course.waitlisted ?? 0); seat += 1, person += 1) {
      const firstName = demoFirstNames[person % demoFirstNames.length]!;
      const lastName = demoLastNames[(person * 7) % demoLastNames.length]!;
      const name = `${firstName} ${lastName}`;
      const withEmail = person % 2 === 0;
      const { id } = saveInTransaction(
        db,
        {
          source: person % 3 === 0 ? 'referral' : 'phone',
          name,
          phone: `+3584012302${String(person).padStart(2, '0')}`,
          email: withEmail ? `${asEmailPart(firstName)}.${asEmailPart(lastName)}@example.fi` : '',
          municipality: course.locality,
          localityId: course.localityId,
          preferredCourseId: course.id,
          goodTimesToCall: person % 4 === 0 ? 'aamupäivisin' : '',
          consentRecordedBy: null,
          referrerName: '',
          referrerUnit: '',
          referrerContact: '',
          language: 'fi',
          ...(withEmail ? {} : demoPostalAddress(person, course.locality)),
        },
        takenIn,
      );
      db.insert(interviews)
        .values({
          applicationId: id,
          at: takenIn,
          canAttendAll: 'yes',
          needs: someNeeds[person % someNeeds.length],
          outcome: 'place',
        })
        .run();
      placeIn(db, { applicationId: id, courseId: course.id }, { ...mail, now: takenIn });
    }
  }
}

import { eq } from 'drizzle-orm';
import { applications, interviews } from '../../../db/schema';
import type { Transaction } from '../../db';
import { saveInTransaction, type NewApplication } from '../intake/queries';

/**
 * People interviewed and waiting for a course near them, with the times that suit them and their
 * needs as the phone interview recorded them: what the term proposal plans the spring for.
 */
const interviewedAndWaiting = [
  ['Lapua', 'Kerttu Koivisto', 'tiistai-iltaisin', 'step-free'],
  ['Lapua', 'Veikko Mäki', 'tiistaisin tai torstaisin illalla', ''],
  ['Lapua', 'Sirkka Laine', 'iltaisin', 'step-free,hearing'],
  ['Lapua', 'Raimo Niemi', 'ti–to iltapäivällä', ''],
  ['Lapua', 'Aune Heikkilä', '', 'transport'],
  ['Kauhajoki', 'Pentti Salo', 'aamupäivisin', ''],
  ['Kauhajoki', 'Irma Rinne', 'maanantai tai keskiviikko aamupäivällä', 'step-free'],
  ['Kauhajoki', 'Martti Hakala', '', ''],
  ['Kauhajoki', 'Elsa Peltola', 'aamuisin', ''],
  ['Ilmajoki', 'Tauno Kallio', 'keskiviikkoiltaisin', ''],
  ['Ilmajoki', 'Hilkka Lahti', 'keskiviikkona', 'step-free'],
  ['Ilmajoki', 'Lauri Ojala', '', ''],
] as const;

/**
 * The demo's invented applicants: one asking for the spring course in Kurikka, one referred, two
 * waiting for a course in Alajärvi, and twelve interviewed and waiting in Lapua, Kauhajoki and
 * Ilmajoki.
 */
export function addDemoApplicants(
  db: Transaction,
  places: { localityId: (name: string) => number; kurikkaSpring: number },
  now: Date,
): void {
  const { localityId, kurikkaSpring } = places;
  const applicant = (
    input: Pick<NewApplication, 'source' | 'name' | 'phone' | 'email' | 'goodTimesToCall'> & {
      locality: string;
      preferredCourseId?: number;
      referrer?: [string, string, string];
    },
  ) =>
    saveInTransaction(
      db,
      {
        source: input.source,
        name: input.name,
        phone: input.phone,
        email: input.email,
        municipality: input.locality,
        localityId: localityId(input.locality),
        preferredCourseId: input.preferredCourseId ?? null,
        goodTimesToCall: input.goodTimesToCall,
        consentRecordedBy: null,
        referrerName: input.referrer?.[0] ?? '',
        referrerUnit: input.referrer?.[1] ?? '',
        referrerContact: input.referrer?.[2] ?? '',
        language: 'fi',
      },
      now,
    ).id;
  applicant({
    source: 'public',
    name: 'Eino Esimerkki',
    phone: '+358401230101',
    email: 'eino.esimerkki@kurssipolku.example',
    goodTimesToCall: 'arkisin aamupäivisin',
    locality: 'Kurikka',
    preferredCourseId: kurikkaSpring,
  });
  applicant({
    source: 'referral',
    name: 'Helmi Harjoitus',
    phone: '+358401230102',
    email: '',
    goodTimesToCall: 'iltapäivisin',
    locality: 'Kurikka',
    referrer: ['Sari Sosiaalityöntekijä', 'Aikuissosiaalityö', '+358401230199'],
  });
  for (const [name, phone] of [
    ['Toivo Testinen', '+358401230103'],
    ['Aili Kokeilu', '+358401230104'],
  ] as const) {
    const id = applicant({
      source: 'public',
      name,
      phone,
      email: '',
      goodTimesToCall: '',
      locality: 'Alajärvi',
    });
    // Interviewed already: waiting for a course in Alajärvi, where none is planned yet.
    db.update(applications).set({ state: 'waiting' }).where(eq(applications.id, id)).run();
  }
  interviewedAndWaiting.forEach(([locality, name, suitableTimes, needs], index) => {
    const id = applicant({
      source: 'phone',
      name,
      phone: `+3584012308${String(index).padStart(2, '0')}`,
      email: '',
      goodTimesToCall: '',
      locality,
    });
    db.update(applications).set({ state: 'waiting' }).where(eq(applications.id, id)).run();
    if (index === 1) addEarlierUnreachableApplication(db, id, now);
    db.insert(interviews)
      .values({
        applicationId: id,
        at: new Date(now.getTime() - (index + 1) * 86_400_000),
        byUserId: null,
        canAttendAll: 'yes',
        suitableTimes,
        needs,
        outcome: 'wait',
      })
      .run();
  });
}

/**
 * A year before, the same person asked once and was never reached: two applications with one phone
 * number, as the person's data page and erasure must find them.
 */
function addEarlierUnreachableApplication(db: Transaction, laterId: number, now: Date): void {
  const later = db.select().from(applications).where(eq(applications.id, laterId)).get()!;
  const yearBefore = new Date(now.getTime() - 365 * 86_400_000);
  db.insert(applications)
    .values({
      source: 'public',
      name: later.name,
      phone: later.phone,
      municipality: later.municipality,
      localityId: later.localityId,
      state: 'closed',
      closeReason: 'unreachable',
      callDueAt: yearBefore,
      createdAt: yearBefore,
      updatedAt: new Date(yearBefore.getTime() + 14 * 86_400_000),
    })
    .run();
}

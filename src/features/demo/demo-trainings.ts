import { and, eq, sql } from 'drizzle-orm';
import { instructorLocalities, outbox } from '../../../db/schema';
import type { Transaction } from '../../db';
import { addDays, instantToWallClock, wallClockToInstant } from '../../lib/helsinki-time';
import type { Actor } from '../audit/audit-log';
import {
  completeCandidateIn,
  dropCandidateIn,
  enrolCandidateIn,
  makeInstructorIn,
  recordCandidateCallIn,
  saveNomination,
} from '../candidates/candidate-commands';
import type { Nomination } from '../candidates/candidate-input';
import type { MailSettings } from '../invites/invitations';
import { changeTrainingStatusIn, createTrainingIn } from '../trainings/training-changes';
import type { TrainerInput } from '../trainings/training-input';
import { asEmailPart } from './demo-participants';

/**
 * The demo's candidates, one a line: name | phone ending | profession | unit | who nominated them.
 * Without a profession, an experience expert (a peer); without a supervisor, their own application;
 * a supervisor in brackets called the coordinator, who took the nomination by phone.
 */
const people = `
Jussi Koskela | 05 | Sosiaalityöntekijä | Terveyssosiaalityö, Kauhajoki | Marja Ylinen
Sanna Saarinen | 04 | | Kokemusasiantuntijat |
Leena Hautala | 06 | Sosiaaliohjaaja | Työikäisten sosiaalipalvelut, Seinäjoki | Päivi Rinta-Kauppila
Kalle Rintala | 07 | Sairaanhoitaja | Mielenterveys- ja päihdepalvelut, Lapua | (Anne Kivistö)
Tiina Mäkinen | 08 | Perhetyöntekijä | Perhekeskus, Kauhajoki | Satu Haapala
Arja Kangas | 09 | | Kokemusasiantuntijat |
Mikko Hietala | 10 | Sosiaaliohjaaja | Aikuissosiaalityö, Alajärvi | Juha Peltoniemi
Eeva Latvala | 11 | Geronomi | Ikäihmisten palvelut, Ilmajoki | Tuula Ketola`;

type Nominee = Omit<Nomination, 'consent'> & { source: 'supervisor' | 'self' | 'phone' };

const emailOf = (name: string, domain: string) =>
  `${name.split(/[ -]/).map(asEmailPart).join('.')}@${domain}`;

function nomineeOf(line: string): Nominee {
  const [name, phoneEnding, profession, unit, nominator] = line.split('|').map((s) => s.trim());
  const peer = profession === '';
  const supervisorName = nominator!.replace(/[()]/g, '');
  return {
    source: nominator === '' ? 'self' : nominator!.startsWith('(') ? 'phone' : 'supervisor',
    name: name!,
    phone: `+3584012300${phoneEnding}`,
    // The experience experts of the demo have no e-mail: the coordinator phones them.
    email: peer ? '' : emailOf(name!, 'kurssipolku.example'),
    unit: unit!,
    kind: peer ? 'peer' : 'professional',
    profession: profession!,
    tookArvoCourse: peer ? 'yes' : 'no',
    supervisorName,
    supervisorUnit: supervisorName === '' ? '' : unit!,
    supervisorContact: supervisorName === '' ? '' : emailOf(supervisorName, 'hyvaep.example'),
  };
}

const nominees = new Map(
  people
    .trim()
    .split('\n')
    .map((line) => nomineeOf(line))
    .map((nominee) => [nominee.name, nominee]),
);

const trainers: TrainerInput[] = [
  { name: 'Riitta Kankaanpää', email: 'riitta.kankaanpaa@arkeenvoimaa.example' },
  { name: 'Heikki Vertanen', email: '' },
];

/**
 * The held training's candidates: nominated, then reached and enrolled in the same call (Helsinki
 * times), with the coordinator's notes of the call.
 */
const heldTrainingPaths = [
  ['Jussi Koskela', '2026-02-09 13:20', '2026-02-12 09:40', 'Pääsee kaikkina päivinä.'],
  ['Sanna Saarinen', '2026-02-16 19:05', '2026-02-18 11:15', 'Kävi kurssin, ohjaisi vertaisena.'],
  ['Leena Hautala', '2026-03-02 08:50', '2026-03-05 14:00', 'Esihenkilö varasi päivät.'],
  ['Kalle Rintala', '2026-03-10 12:30', '2026-03-12 10:10', 'Sopi esihenkilön kanssa.'],
] as const;

/** The spring training's: the same, days before the demo's time (at 10 o'clock). */
const springTrainingPaths = [
  ['Tiina Mäkinen', 40, 36, 'Toivoo ryhmää Kauhajoelle syksyllä 2027.'],
  ['Arja Kangas', 30, 27, 'Kokemusasiantuntija, kävi kurssin Lapualla.'],
] as const;

export type DemoTrainingInput = {
  coordinator: Actor;
  heldVenueId: number;
  springVenueId: number;
  /** The demo's instructors who were trained at the held training. */
  trainedInstructors: { jussi: number; sanna: number };
  localityId: (name: string) => number;
};

/**
 * The instructor training: a training held in May 2026 whose candidates completed (two linked to
 * the demo's instructors, one a new instructor with no course yet, so the coordinator's home asks
 * about her) or dropped; and a spring 2027 training open for enrolment, with two enrolled, one
 * phoned and one nominated candidate still to call. Each step is dated as it would have happened:
 * the held training's at its own dates (its mail went out then), the rest in the weeks before `now`.
 */
export function addDemoTrainings(
  tx: Transaction,
  input: DemoTrainingInput,
  now: Date,
  mail: MailSettings,
): void {
  const context = (at: Date) => ({ actor: input.coordinator, mail: { ...mail, now: at } });
  const on = (dateAndTime: string) => {
    const [date, time] = dateAndTime.split(' ');
    return wallClockToInstant(date!, time ?? '10:00');
  };
  const today = instantToWallClock(now).date;
  const daysAgo = (days: number, time = '10:00') => on(`${addDays(today, -days)} ${time}`);

  const nominate = (name: string, at: Date) => {
    const { source, ...person } = nominees.get(name)!;
    const sender =
      source === 'phone'
        ? input.coordinator
        : { id: null, name: source === 'supervisor' ? person.supervisorName : person.name };
    return saveNomination(tx, { ...person, language: 'fi', consent: true }, source, {
      actor: sender,
      now: at,
    });
  };
  const reached = (candidateId: number, at: Date, notes: string) =>
    recordCandidateCallIn(
      tx,
      { candidateId, outcome: 'reached', callBackAt: null, notes },
      context(at),
    );
  const enrolled = (trainingId: number, path: readonly [string, Date, Date, string]) => {
    const [name, nominatedAt, reachedAt, notes] = path;
    const id = nominate(name, nominatedAt);
    reached(id, reachedAt, notes);
    enrolCandidateIn(tx, { candidateId: id, trainingId }, context(reachedAt));
    return id;
  };
  const training = (name: string, venueId: number, capacity: number, dates: string[], at: Date) =>
    createTrainingIn(
      tx,
      {
        name,
        venueId,
        capacity,
        days: dates.map((localDate) => ({ localDate, startTime: '09:00', endTime: '15:30' })),
        trainers,
      },
      context(at),
    );

  // Spring 2026: planned in January, open in February, held over three days in May.
  const held = training(
    'Arkeen Voimaa -ohjaajakoulutus, kevät 2026',
    input.heldVenueId,
    12,
    ['2026-05-12', '2026-05-13', '2026-05-20'],
    on('2026-01-12'),
  );
  changeTrainingStatusIn(tx, held, 'open', context(on('2026-02-02')));
  const [jussi, sanna, leena, kalle] = heldTrainingPaths.map(([name, nominated, call, notes]) =>
    enrolled(held, [name, on(nominated), on(call), notes]),
  );
  dropCandidateIn(
    tx,
    {
      candidateId: kalle!,
      reason: 'Siirtyy toukokuussa toiseen tehtävään, ei voi sitoutua ohjaamaan kursseja.',
    },
    context(on('2026-05-04 09:30')),
  );

  // The morning after the last day: held, completions recorded, instructors registered.
  const afterwards = on('2026-05-21');
  changeTrainingStatusIn(tx, held, 'held', context(afterwards));
  const completions = [
    { candidateId: jussi!, note: '', instructorId: input.trainedInstructors.jussi },
    {
      candidateId: sanna!,
      note: 'Poissa 13.5. iltapäivän; korvaava tehtävä palautettu kouluttajalle.',
      instructorId: input.trainedInstructors.sanna,
    },
    { candidateId: leena!, note: '', instructorId: 'new' as const },
  ];
  let newInstructor = 0;
  for (const completion of completions) {
    completeCandidateIn(tx, { ...completion, completedOn: '2026-05-20' }, context(afterwards));
    const id = makeInstructorIn(tx, completion, context(on('2026-05-21 10:30')));
    if (completion.instructorId === 'new') newInstructor = id;
  }
  tx.insert(instructorLocalities)
    .values({ instructorId: newInstructor, localityId: input.localityId('Seinäjoki') })
    .run();
  // Its invitations and cancellations went out as they were made.
  tx.update(outbox)
    .set({ state: 'sent', sentAt: sql`${outbox.createdAt}` })
    .where(and(eq(outbox.trainingId, held), eq(outbox.state, 'queued')))
    .run();

  // Spring 2027: open for enrolment; the invitations of the last weeks wait in the outbox.
  const spring = training(
    'Arkeen Voimaa -ohjaajakoulutus, kevät 2027',
    input.springVenueId,
    10,
    ['2027-03-09', '2027-03-10', '2027-03-23'],
    daysAgo(50),
  );
  changeTrainingStatusIn(tx, spring, 'open', context(daysAgo(45)));
  for (const [name, nominated, call, notes] of springTrainingPaths) {
    enrolled(spring, [name, daysAgo(nominated), daysAgo(call), notes]);
  }
  const mikko = nominate('Mikko Hietala', daysAgo(12, '11:00'));
  recordCandidateCallIn(
    tx,
    { candidateId: mikko, outcome: 'no-answer', callBackAt: null, notes: '' },
    context(daysAgo(10, '09:30')),
  );
  reached(mikko, daysAgo(8, '14:10'), 'Kiinnostunut, varmistaa esihenkilöltä kevään päivät.');
  // Nominated two days ago: due for the coordinator's call.
  nominate('Eeva Latvala', daysAgo(2, '15:40'));
}

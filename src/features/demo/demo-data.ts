import { count } from 'drizzle-orm';
import { localities, users, type StaffRole } from '../../../db/schema';
import type { AppDatabase } from '../../db';
import { createUser } from '../users/queries';

/** Invented people only; the seeds' real names and numbers never appear here. */
export const demoSignIns: { role: StaffRole; name: string; email: string; password: string }[] = [
  {
    role: 'admin',
    name: 'Aino Ylläpitäjä',
    email: 'admin@kurssipolku.example',
    password: 'demo-admin-2026',
  },
  {
    role: 'coordinator',
    name: 'Kaisa Koordinaattori',
    email: 'koordinaattori@kurssipolku.example',
    password: 'demo-koordinaattori-2026',
  },
  {
    role: 'instructor',
    name: 'Olli Ohjaaja',
    email: 'olli.ohjaaja@kurssipolku.example',
    password: 'demo-ohjaaja-2026',
  },
  {
    role: 'instructor',
    name: 'Pirjo Vertainen',
    email: 'pirjo.vertainen@kurssipolku.example',
    password: 'demo-ohjaaja-2026',
  },
  {
    role: 'instructor',
    name: 'Matti Mäkelä',
    email: 'matti.makela@kurssipolku.example',
    password: 'demo-ohjaaja-2026',
  },
];

export const demoLocalities = [
  'Seinäjoki',
  'Lapua',
  'Kauhajoki',
  'Ilmajoki',
  'Alajärvi',
  'Kurikka',
];

export function isDatabaseEmpty(db: AppDatabase): boolean {
  return (db.select({ users: count() }).from(users).get()?.users ?? 0) === 0;
}

/** Fills a new database with an Etelä-Pohjanmaa demo region: staff sign-ins and localities. */
export async function loadDemoData(db: AppDatabase, now: Date): Promise<void> {
  for (const person of demoSignIns) await createUser(db, person, now);
  db.insert(localities)
    .values(demoLocalities.map((name) => ({ name, region: 'Etelä-Pohjanmaa', createdAt: now })))
    .onConflictDoNothing()
    .run();
}

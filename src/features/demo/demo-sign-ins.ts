import type { StaffRole } from '../../../db/schema';

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
    role: 'reporting',
    name: 'Raili Raportoija',
    email: 'raportit@kurssipolku.example',
    password: 'demo-raportit-2026',
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

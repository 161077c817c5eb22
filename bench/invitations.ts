/**
 * Part of npm run bench: 1,000 participants' invitations for one course, written to the outbox and
 * then delivered through a real SMTP server on 127.0.0.1 by the pooled worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { outbox } from '../db/schema';
import { openDatabase } from '../src/db';
import { findCourse } from '../src/features/courses/queries';
import { loadDemoData } from '../src/features/demo/demo-data';
import { mailSettingsFrom, queueCourseMail } from '../src/features/invites/invitations';
import { createMailSender } from '../src/features/outbox/mail-sender';
import { startOutboxWorker } from '../src/features/outbox/outbox-worker';
import { systemClock } from '../src/lib/clock';

const participants = 1000;
const mail = mailSettingsFrom({
  mailFrom: 'Kurssipolku <no-reply@kurssipolku.example>',
  publicUrl: new URL('http://localhost:3000'),
});
const directory = mkdtempSync(join(tmpdir(), 'kurssipolku-bench-mail-'));
const db = openDatabase(join(directory, 'bench.sqlite'));
await loadDemoData(db, new Date(), mail);
db.delete(outbox).run();
const course = findCourse(db, 2)!;

let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      received += 1;
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const port = (smtp.server.address() as { port: number }).port;

const queuedAt = performance.now();
db.transaction((tx) => {
  for (let index = 1; index <= participants; index += 1) {
    const recipient = {
      name: `Osallistuja ${index}`,
      email: `osallistuja${index}@bench.example`,
      language: 'fi' as const,
      applicationId: null,
      sequence: 0,
    };
    queueCourseMail(
      tx,
      course,
      recipient,
      'invitation',
      { kind: 'planned' },
      { ...mail, now: new Date() },
    );
  }
});
const queueSeconds = (performance.now() - queuedAt) / 1000;

const worker = startOutboxWorker({
  db,
  clock: systemClock,
  sender: createMailSender(
    `smtp://127.0.0.1:${port}`,
    'Kurssipolku <no-reply@kurssipolku.example>',
  ),
  intervalMs: 3_600_000,
  batchSize: 100,
});
const sendAt = performance.now();
while (received < participants) {
  const delivered = await worker.runOnce();
  if (delivered === 0 && received < participants)
    await new Promise((resolve) => setTimeout(resolve, 10));
}
const sendSeconds = (performance.now() - sendAt) / 1000;
await worker.stop();
await new Promise<void>((resolve) => smtp.close(() => resolve()));
db.$client.close();
rmSync(directory, { recursive: true, force: true });

const rate = (seconds: number) => (participants / seconds).toFixed(0).padStart(7);
console.log(
  `${'build + queue 1,000 invitations (text, HTML, .ics)'.padEnd(52)} ${rate(queueSeconds)} msg/s  ${queueSeconds.toFixed(2)} s`,
);
console.log(
  `${'deliver 1,000 invitations over SMTP (pooled, local)'.padEnd(52)} ${rate(sendSeconds)} msg/s  ${sendSeconds.toFixed(2)} s`,
);

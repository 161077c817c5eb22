import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './app';
import { parseConfig } from './config';
import { keepPlannerStatisticsFresh, openDatabase } from './db';
import { demoSignIns, isDatabaseEmpty, loadDemoData } from './features/demo/demo-data';
import { mailSettingsFrom } from './features/invites/invitations';
import { createMailSender } from './features/outbox/mail-sender';
import { startOutboxWorker } from './features/outbox/outbox-worker';
import { createTextSender } from './features/outbox/sms-sender';
import { startRetentionSchedule } from './features/retention/retention-schedule';
import { startReminderSchedule } from './features/texts/reminders';
import { clockStartingAt, systemClock } from './lib/clock';

const parsed = parseConfig(process.env);
if (!parsed.ok) {
  console.error(`Kurssipolku cannot start: bad configuration\n  ${parsed.problems.join('\n  ')}`);
  process.exit(1);
}
const { config } = parsed;

const clock = config.startTime ? clockStartingAt(config.startTime) : systemClock;
const db = openDatabase(config.databasePath);
if (config.seedDemoData && isDatabaseEmpty(db)) {
  await loadDemoData(db, clock(), mailSettingsFrom(config));
  console.log('New database: demo data loaded. Demo sign-ins:');
  console.table(demoSignIns.map(({ role, email, password }) => ({ role, email, password })));
}

const app = createApp({
  db,
  config,
  clock,
  logger: pino({ level: process.env.LOG_LEVEL ?? 'info' }),
});
const outboxWorker = startOutboxWorker({
  db,
  clock,
  sender: config.smtpUrl ? createMailSender(config.smtpUrl, config.mailFrom) : null,
});
const textWorker = startOutboxWorker({
  db,
  clock,
  channel: 'sms',
  sender: config.smsUrl ? createTextSender(config.smsUrl, config.smsToken) : null,
});
const retention = startRetentionSchedule({ db, clock });
const reminders = startReminderSchedule({
  db,
  clock,
  reminderTime: config.smsReminderTime,
  domain: config.publicUrl.hostname,
});
if (!config.smsUrl) console.log('SMS_URL is not set: texts wait on the Outgoing texts page.');
if (!config.smtpUrl) console.log('SMTP_URL is not set: e-mail waits on the Outgoing mail page.');
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
  console.log(
    `Kurssipolku is running at ${config.publicUrl.origin}/ (database ${config.databasePath})`,
  );
});

const statisticsUpkeep = setInterval(
  () => keepPlannerStatisticsFresh(db.$client, 'later'),
  6 * 60 * 60 * 1000,
);
statisticsUpkeep.unref();

let stopping = false;
function shutDown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: closing the server, then the database.`);
  // A batch being sent finishes first, so no message is left marked as sending.
  // So is a retention batch: each is its own transaction, and the next day's run goes on.
  reminders.stop();
  void Promise.all([outboxWorker.stop(), textWorker.stop(), retention.stop()]).finally(() =>
    server.close(() => {
      db.$client.close();
      process.exit(0);
    }),
  );
  // Keep-alive connections would hold close() open; give requests in flight a moment, then end.
  setTimeout(() => {
    if ('closeAllConnections' in server) server.closeAllConnections();
  }, 2000).unref();
}
process.on('SIGTERM', () => shutDown('SIGTERM'));
process.on('SIGINT', () => shutDown('SIGINT'));

import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const proxyHopsProblem =
  'must be false, true (one reverse proxy of your own) or the number of your proxies in front, such as 2';

/** `false` trusts no proxy; `true` is one proxy (the old meaning); a number counts the proxies. */
const trustedProxyHops = z.union(
  [
    booleanFlag.transform((trusted) => (trusted ? 1 : 0)),
    z
      .string()
      .regex(/^\d{1,2}$/)
      .transform(Number),
  ],
  { error: proxyHopsProblem },
);

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number between 1 and 65535' })
    .int('must be a whole number between 1 and 65535')
    .min(1, 'must be a whole number between 1 and 65535')
    .max(65535, 'must be a whole number between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/kurssipolku.sqlite'),
  PUBLIC_URL: z
    .url({ error: 'must be an absolute URL such as https://kurssipolku.example.fi' })
    .optional(),
  SESSION_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .positive('must be a positive number of hours')
    .max(24 * 30, 'must be at most 720 hours')
    .default(8),
  SEED_DEMO_DATA: booleanFlag.default(true),
  TRUST_PROXY: trustedProxyHops.default(0),
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      error: 'must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.fi:587',
    })
    .optional(),
  SMS_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be an http:// or https:// URL of the text-message provider',
    })
    .optional(),
  SMS_TOKEN: z.string().min(1).optional(),
  SMS_REMINDER_TIME: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM such as 12:00')
    .default('12:00'),
  MAIL_FROM: z.string().min(3).default('Kurssipolku <no-reply@kurssipolku.example>'),
  UNREACHABLE_AFTER_CALLS: z.coerce
    .number({ error: 'must be a whole number of calls' })
    .int('must be a whole number of calls')
    .min(1, 'must be at least 1')
    .max(20, 'must be at most 20')
    .default(3),
  UNREACHABLE_ON_DAYS: z.coerce
    .number({ error: 'must be a whole number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(20, 'must be at most 20')
    .default(2),
  INTAKE_CALL_MINUTES: z.coerce
    .number({ error: 'must be a whole number of minutes' })
    .int('must be a whole number of minutes')
    .min(0, 'must be at least 0')
    .max(240, 'must be at most 240')
    .default(15),
  START_TIME: z.iso
    .datetime({ offset: true, error: 'must be an ISO date-time such as 2026-09-01T09:00:00+03:00' })
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  databasePath: string;
  publicUrl: URL;
  secureCookies: boolean;
  sessionMilliseconds: number;
  seedDemoData: boolean;
  /** How many reverse proxies of our own add to X-Forwarded-For; 0: use the socket's address. */
  trustedProxyHops: number;
  /** Without it, mail waits in the outbox and shows on the Outgoing mail page. */
  smtpUrl: string | null;
  mailFrom: string;
  /** The text-message provider's endpoint; null keeps texts queued on the Outgoing texts page. */
  smsUrl: string | null;
  smsToken: string | null;
  /** Helsinki wall-clock time (HH:MM) on the day before a session when its reminders go out. */
  smsReminderTime: string;
  /** Unanswered calls, on at least this many days, after which closing as unreachable is proposed. */
  unreachableRule: { maxUnanswered: number; minDistinctDays: number };
  /** The time an intake call counts in the caller's hours, in minutes. */
  intakeCallMinutes: number;
  /** Set only for demos and browser tests: the server's clock starts at this instant. */
  startTime: Date | null;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Empty strings count as unset, so `PORT= npm start` falls back to the default. */
function withoutEmptyValues(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
    ),
  );
}

export function parseConfig(environment: NodeJS.ProcessEnv): ConfigResult {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(environment));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map(
        (issue) =>
          `${issue.path.join('.')}=${JSON.stringify(environment[String(issue.path[0])])}: ${issue.message}`,
      ),
    };
  }
  const env = parsed.data;
  const publicUrl = new URL(env.PUBLIC_URL ?? `http://localhost:${env.PORT}`);
  return {
    ok: true,
    config: {
      port: env.PORT,
      host: env.HOST,
      databasePath: env.DATABASE_PATH,
      publicUrl,
      secureCookies: publicUrl.protocol === 'https:',
      sessionMilliseconds: env.SESSION_HOURS * 60 * 60 * 1000,
      seedDemoData: env.SEED_DEMO_DATA,
      trustedProxyHops: env.TRUST_PROXY,
      smtpUrl: env.SMTP_URL ?? null,
      mailFrom: env.MAIL_FROM,
      smsUrl: env.SMS_URL ?? null,
      smsToken: env.SMS_TOKEN ?? null,
      smsReminderTime: env.SMS_REMINDER_TIME,
      unreachableRule: {
        maxUnanswered: env.UNREACHABLE_AFTER_CALLS,
        minDistinctDays: env.UNREACHABLE_ON_DAYS,
      },
      intakeCallMinutes: env.INTAKE_CALL_MINUTES,
      startTime: env.START_TIME ? new Date(env.START_TIME) : null,
    },
  };
}

/** After this many attempts even a temporary error ends the message as `failed`. */
export const maxAttempts = 8;

export type SendErrorKind = 'temporary' | 'permanent';

/** An error whose sender already knows whether resending can help (the text-message provider). */
export class ClassifiedSendError extends Error {
  constructor(
    message: string,
    readonly kind: SendErrorKind,
  ) {
    super(message);
  }
}

/** What nodemailer puts on its errors: an SMTP reply code and/or its own error code. */
type SendErrorLike = { responseCode?: unknown; code?: unknown; message?: unknown };

/** Building the message failed or the recipient address is unusable: resending cannot help. */
const permanentCodes = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * Faults of the connection, the server or our configuration (a wrong password answers 535): they
 * concern every message alike and may pass, so even with a 5xx reply they are not the message's.
 */
const serverCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EAUTH',
  'ENOAUTH',
  'ECONFIG',
]);

/**
 * Otherwise the SMTP reply decides when there is one (4xx try again later, 5xx never); without
 * one, only a fault of the message itself is permanent. Temporary errors are retried until
 * `maxAttempts`, so an unknown error also ends as `failed` eventually.
 */
export function classifySendError(error: unknown): SendErrorKind {
  if (error instanceof ClassifiedSendError) return error.kind;
  const { responseCode, code } = (
    typeof error === 'object' && error !== null ? error : {}
  ) as SendErrorLike;
  if (typeof code === 'string' && serverCodes.has(code)) return 'temporary';
  if (typeof responseCode === 'number' && responseCode >= 400 && responseCode < 600) {
    return responseCode < 500 ? 'temporary' : 'permanent';
  }
  if (typeof code === 'string' && permanentCodes.has(code)) return 'permanent';
  return 'temporary';
}

const retryDelaysMs = [
  30_000, // 30 s
  2 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
  2 * 60 * 60_000,
  4 * 60 * 60_000,
];

/** How long to wait after the given number of attempts (1 = the first failed); never shrinks. */
export function nextRetryDelay(attempts: number): number {
  const index = Math.min(Math.max(Math.floor(attempts), 1), retryDelaysMs.length) - 1;
  return retryDelaysMs[index]!;
}

export type SendOutcome = { state: 'retry'; retryAt: Date } | { state: 'failed' };

/** What happens to a message whose attempt number `attempts` failed with `error`. */
export function outcomeOfFailedSend(error: unknown, attempts: number, now: Date): SendOutcome {
  if (classifySendError(error) === 'permanent' || attempts >= maxAttempts) {
    return { state: 'failed' };
  }
  return { state: 'retry', retryAt: new Date(now.getTime() + nextRetryDelay(attempts)) };
}

/** The text kept with the message: the SMTP reply code, nodemailer's code and the message. */
export function describeSendError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { responseCode, code } = error as SendErrorLike;
  const labels = [
    typeof responseCode === 'number' ? String(responseCode) : '',
    typeof code === 'string' ? code : '',
  ].filter(Boolean);
  const text = labels.length > 0 ? `${labels.join(' ')}: ${error.message}` : error.message;
  return text.slice(0, 1000);
}

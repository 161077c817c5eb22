import type { OutboxMessage } from './queries';
import { ClassifiedSendError } from './retry-policy';

export type OutgoingText = Pick<OutboxMessage, 'messageId' | 'recipientPhone' | 'textBody'>;

/** Sends one text or rejects; the outbox worker depends on this only, as on the mail sender. */
export type TextSender = {
  send(message: OutgoingText): Promise<void>;
  close(): Promise<void>;
};

/** A provider that does not answer within this is treated like one that is down: try again. */
export const smsTimeoutMs = 10_000;

/** Answers that say "not now" rather than "never": the provider is busy or timed out itself. */
const temporaryClientStatuses = new Set([408, 425, 429]);

/**
 * Texts through an HTTP provider: POST JSON `{ to, message, reference }` with the token as a
 * Bearer header. `reference` is the outbox row's fixed Message-ID, so a resend after a crash is
 * recognisable at the provider. 2xx is sent; another 4xx is the text's own fault and final; 5xx,
 * a timeout or a connection error is retried by the outbox's retry policy.
 */
export function createTextSender(
  url: string,
  token: string | null,
  timeoutMs = smsTimeoutMs,
): TextSender {
  return {
    async send(message) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            to: message.recipientPhone,
            message: message.textBody,
            reference: message.messageId,
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const reason = error instanceof Error ? error.name + ': ' + error.message : String(error);
        throw new ClassifiedSendError(`No answer from the text provider (${reason})`, 'temporary');
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const body = (await response.text().catch(() => '')).slice(0, 300);
      const kind =
        response.status >= 500 || temporaryClientStatuses.has(response.status)
          ? 'temporary'
          : 'permanent';
      throw new ClassifiedSendError(`HTTP ${response.status}: ${body}`, kind);
    },
    async close() {},
  };
}

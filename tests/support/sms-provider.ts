import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedText = {
  headers: IncomingHttpHeaders;
  body: { to: string; message: string; reference: string };
};

/** How the provider answers the next request: a status with a body, or no answer at all. */
export type ProviderAnswer = { status: number; body?: string } | 'hang';

/**
 * A text-message provider on 127.0.0.1 for tests: records every request it receives and answers
 * with the queued answers in turn, then 202 (after `holdUntil`, when given).
 */
export async function startTestSmsProvider(options: { holdUntil?: Promise<void> } = {}) {
  const received: ReceivedText[] = [];
  const answers: ProviderAnswer[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedText['body'],
      });
      const answer = answers.shift() ?? { status: 202, body: '{"status":"accepted"}' };
      if (answer === 'hang') return;
      // Held: the provider has the text but the sender has no answer yet (a kill comes first).
      void (options.holdUntil ?? Promise.resolve()).then(() => {
        if (response.destroyed) return;
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(answer.body ?? '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/texts`,
    received,
    answerNext(...next: ProviderAnswer[]) {
      answers.push(...next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

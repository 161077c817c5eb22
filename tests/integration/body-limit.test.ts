import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxRequestBodyBytes } from '../../src/app';
import { startServer, type RunningServer } from '../support/browser';
import { buildTestApp, postForm, temporaryDirectory, testOrigin } from '../support/test-app';

const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded', Origin: testOrigin };

/** A form body of `size` bytes: one long field, as a bot would send it. */
const oversizedForm = (size: number) => `name=${'x'.repeat(size - 'name='.length)}`;

/** The same bytes as a stream, so the request has no Content-Length (chunked over HTTP). */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const chunkSize = 16 * 1024;
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

describe('the request body limit', () => {
  const { app } = buildTestApp();

  it('refuses a form larger than 64 KB with 413 and the localized error page', async () => {
    const response = await app.request('/apply', {
      method: 'POST',
      headers: formHeaders,
      body: oversizedForm(maxRequestBodyBytes + 1),
    });
    const $ = load(await response.text());
    expect(response.status).toBe(413);
    expect($('h1').text()).toBe('Liikaa tietoa');
    expect($('html').attr('lang')).toBe('fi');
  });

  it('answers in English when the language cookie says so', async () => {
    const response = await app.request('/sign-in', {
      method: 'POST',
      headers: { ...formHeaders, Cookie: 'kp_lang=en' },
      body: oversizedForm(maxRequestBodyBytes + 1),
    });
    expect(response.status).toBe(413);
    expect(load(await response.text())('h1').text()).toBe('Request too large');
  });

  it('refuses a body without Content-Length once more than 64 KB has arrived', async () => {
    const response = await app.request('/apply', {
      method: 'POST',
      headers: formHeaders,
      body: streamOf(oversizedForm(1024 * 1024)),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('still reads a form of just under 64 KB (it fails validation, not the limit)', async () => {
    const response = await postForm(app, '/apply', {
      name: 'x'.repeat(maxRequestBodyBytes - 1024),
    });
    expect(response.status).toBe(422);
  });

  it('reads a streamed form within the limit as usual', async () => {
    const response = await app.request('/sign-in', {
      method: 'POST',
      headers: formHeaders,
      body: streamOf('email=nobody%40test.example&password=wrong'),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(401);
  });
});

/** The resident memory of a process, in bytes, as Linux reports it. */
function residentBytes(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kilobytes) * 1024;
}

/** Posts `size` bytes in 64 KB writes, with Content-Length or chunked; resolves with the status. */
function postLargeBody(
  url: string,
  options: { size: number; chunked: boolean; origin: string },
): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: options.origin,
    };
    if (!options.chunked) headers['Content-Length'] = options.size;
    const outgoing = request(url, { method: 'POST', headers }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    // The server answers and stops reading before the body is sent; a closed socket is expected.
    outgoing.on('error', (error) => (outgoing.writableEnded ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const writeMore = () => {
      while (sent < options.size) {
        sent += chunk.length;
        if (!outgoing.write(chunk)) return void outgoing.once('drain', writeMore);
      }
      outgoing.end();
    };
    writeMore();
  });
}

describe('a 10 MB body sent to the running server', () => {
  const tenMegabytes = 10 * 1024 * 1024;
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer(temporaryDirectory('body-limit'), { SEED_DEMO_DATA: 'false' });
    // Warm up: the first form post loads and compiles the code that reads forms.
    for (let round = 0; round < 3; round += 1) {
      const warm = await fetch(`${server.baseUrl}/apply`, {
        method: 'POST',
        headers: { Origin: server.baseUrl },
        body: new URLSearchParams({ name: 'x'.repeat(32 * 1024) }),
      });
      expect(warm.status).toBe(422);
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    ['with Content-Length', false],
    ['chunked, without Content-Length', true],
  ])('is refused with 413 %s, and the server’s memory barely grows', async (_, chunked) => {
    const before = residentBytes(server.process.pid!);
    const status = await postLargeBody(`${server.baseUrl}/apply`, {
      size: tenMegabytes,
      chunked,
      origin: server.baseUrl,
    });
    expect(status).toBe(413);
    const grown = residentBytes(server.process.pid!) - before;
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});

/** Signs in through the real form and returns the session cookie for the next requests. */
export async function signInCookie(
  app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> },
  person: { email: string; password: string },
): Promise<string> {
  const signedIn = await app.request('/sign-in', {
    method: 'POST',
    headers: { Origin: 'http://localhost', 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: person.email, password: person.password }),
  });
  return signedIn.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
}

/** Runs the request `count` times after a warm-up and prints requests per second. */
export async function measure(
  label: string,
  request: () => Response | Promise<Response>,
  count = 3000,
  warmUp = 200,
) {
  for (let round = 0; round < warmUp; round += 1) await (await request()).arrayBuffer();
  const started = performance.now();
  for (let index = 0; index < count; index += 1) {
    const response = await request();
    if (response.status !== 200) throw new Error(`${label}: status ${response.status}`);
    await response.arrayBuffer();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(44)} ${(count / seconds).toFixed(0).padStart(7)} req/s  ${((seconds / count) * 1000).toFixed(3)} ms/req`,
  );
}

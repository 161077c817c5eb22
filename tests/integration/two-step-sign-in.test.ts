import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, failedSignIns, totpRecoveryCodes, users } from '../../db/schema';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

type Person = Awaited<ReturnType<typeof aStaffUser>>;

/** The code an authenticator app shows at `at`, computed independently with otpauth. */
function codeAt(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
}

describe('two-step sign-in', () => {
  const { app, db, clock } = buildTestApp();
  let adminCookie = '';

  beforeAll(async () => {
    adminCookie = await signIn(app, await aStaffUser(db, 'admin'));
  });

  const isSignedIn = async (cookie: string) =>
    (await getPage(app, '/account', cookie)).status === 200;

  /** The account page's enrolment, as a person does it: the key from the page, a code from the app. */
  async function enrol(cookie: string) {
    const started = await postForm(app, '/account/two-step/enrolment', {}, { cookie });
    expect(started.status).toBe(303);
    const page = load(await (await getPage(app, '/account/two-step/enrolment', cookie)).text());
    const secret = String(page('#totp-secret').val());
    const confirmed = await postForm(
      app,
      '/account/two-step/confirmation',
      { code: codeAt(secret, clock()) },
      { cookie },
    );
    expect(confirmed.status).toBe(200);
    const recoveryCodes = load(await confirmed.text())('#recovery-codes code')
      .map((_, code) => load(code).text())
      .get();
    return { secret, recoveryCodes, confirmed };
  }

  async function aPersonWithTwoStep() {
    const person = await aStaffUser(db, 'coordinator');
    const enrolled = await enrol(await signIn(app, person));
    return { ...person, ...enrolled };
  }

  /** The password step: answers with the waiting session's cookie. */
  async function passwordStep(person: Pick<Person, 'email' | 'password'>, next?: string) {
    const { email, password } = person;
    const response = await postForm(app, '/sign-in', {
      email,
      password,
      ...(next ? { next } : {}),
    });
    expect(response.status).toBe(303);
    return { response, cookie: cookiesFrom(response) };
  }

  it('turning it on shows a QR code and the key, and a right code gives ten recovery codes once', async () => {
    const person = await aStaffUser(db, 'instructor');
    const cookie = await signIn(app, person);
    await postForm(app, '/account/two-step/enrolment', {}, { cookie });
    const page = load(await (await getPage(app, '/account/two-step/enrolment', cookie)).text());
    expect(page('img.qr-code').attr('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(page('img.qr-code').attr('alt')).toContain('QR-koodi');
    const secret = String(page('#totp-secret').val());
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await postForm(
      app,
      '/account/two-step/confirmation',
      { code: '000000' },
      { cookie },
    );
    expect(wrong.status).toBe(422);
    expect(load(await wrong.text())('#code-error').text()).toBe(
      'Koodi ei kelpaa. Tarkista koodi ja yritä uudelleen.',
    );

    const right = await postForm(
      app,
      '/account/two-step/confirmation',
      { code: codeAt(secret, clock()) },
      { cookie },
    );
    expect(right.status).toBe(200);
    expect(right.headers.get('Cache-Control')).toBe('no-store');
    const codes = load(await right.text())('#recovery-codes code')
      .map((_, code) => load(code).text())
      .get();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = db
      .select()
      .from(totpRecoveryCodes)
      .where(eq(totpRecoveryCodes.userId, person.id))
      .all();
    expect(stored).toHaveLength(10);
    expect(stored.map((row) => row.codeHash)).not.toContain(codes[0]);
    const account = db.select().from(users).where(eq(users.id, person.id)).get()!;
    expect(account.totpSecret).toBe(secret);
    expect(account.totpPendingSecret).toBeNull();
    expect(load(await (await getPage(app, '/account', cookie)).text())('main').text()).toContain(
      'Käyttämättömiä varakoodeja: 10',
    );
  });

  it('with two-step on, the password alone does not sign in: the session waits for the code', async () => {
    const person = await aPersonWithTwoStep();
    const { response, cookie } = await passwordStep(person, '/account');
    expect(response.headers.get('Location')).toBe('/sign-in/code?next=%2Faccount');
    for (const path of ['/', '/account', '/admin/users']) {
      const page = await getPage(app, path, cookie);
      expect(page.status, path).toBe(303);
      expect(page.headers.get('Location'), path).toMatch(/^\/sign-in/);
    }
    const form = load(await (await getPage(app, '/sign-in/code?next=%2Faccount', cookie)).text());
    expect(form('h1').text()).toBe('Kaksivaiheinen tunnistautuminen');
    expect(form('input[name=code]').attr('autocomplete')).toBe('one-time-code');

    const passed = await postForm(
      app,
      '/sign-in/code',
      { code: codeAt(person.secret, clock()), next: '/account' },
      { cookie },
    );
    expect(passed.status).toBe(303);
    expect(passed.headers.get('Location')).toBe('/account');
    expect(await isSignedIn(cookie)).toBe(true);
  });

  it('the code step is only for a session waiting for it', async () => {
    const response = await getPage(app, '/sign-in/code');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sign-in');
    const signedIn = await postForm(
      app,
      '/sign-in/code',
      { code: '123456' },
      { cookie: adminCookie },
    );
    expect(signedIn.headers.get('Location')).toBe('/sign-in');
  });

  it('accepts the code of the previous 30-second step but not an older one', async () => {
    const person = await aPersonWithTwoStep();
    const late = await passwordStep(person);
    const previousStep = new Date(clock().getTime() - 30_000);
    const accepted = await postForm(
      app,
      '/sign-in/code',
      { code: codeAt(person.secret, previousStep) },
      { cookie: late.cookie },
    );
    expect(accepted.status).toBe(303);

    const tooLate = await passwordStep(person);
    const threeStepsAgo = new Date(clock().getTime() - 90_000);
    const refused = await postForm(
      app,
      '/sign-in/code',
      { code: codeAt(person.secret, threeStepsAgo) },
      { cookie: tooLate.cookie },
    );
    expect(refused.status).toBe(422);
  });

  it('refuses a wrong code at the field, and ends the waiting session after five', async () => {
    const person = await aPersonWithTwoStep();
    const { cookie } = await passwordStep(person);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await postForm(app, '/sign-in/code', { code: '000000' }, { cookie });
      expect(wrong.status, `attempt ${attempt}`).toBe(422);
      expect(load(await wrong.text())('#code-error').text()).toContain('Koodi ei kelpaa');
    }
    const fifth = await postForm(app, '/sign-in/code', { code: '000000' }, { cookie });
    expect(fifth.status).toBe(303);
    expect(fifth.headers.get('Location')).toBe('/sign-in');
    const afterwards = await postForm(
      app,
      '/sign-in/code',
      { code: codeAt(person.secret, clock()) },
      { cookie },
    );
    expect(afterwards.headers.get('Location')).toBe('/sign-in');
    expect(await isSignedIn(cookie)).toBe(false);
    // The wrong codes count with wrong passwords: the account waits before the next try.
    expect(
      (await postForm(app, '/sign-in', { email: person.email, password: person.password })).status,
    ).toBe(429);
  });

  it('judges at most five codes of one waiting session, however many arrive at once', async () => {
    const person = await aPersonWithTwoStep();
    const { cookie } = await passwordStep(person);
    const right = codeAt(person.secret, clock());
    const codes = Array.from({ length: 40 }, (_, index) => (index === 30 ? right : '000000'));
    const answers = await Promise.all(
      codes.map((code) => postForm(app, '/sign-in/code', { code }, { cookie })),
    );
    // The right code came after the session had ended: it must not answer as right.
    expect(answers.map((answer) => answer.headers.get('Location'))).not.toContain('/');
    expect(answers.filter((answer) => answer.status === 422).length).toBeLessThanOrEqual(4);
    const judged = db.select().from(failedSignIns).where(eq(failedSignIns.email, person.email));
    expect(judged.all().length).toBeLessThanOrEqual(5);
    expect(await isSignedIn(cookie)).toBe(false);
  });

  it('takes each code once: the same code cannot finish a second waiting session', async () => {
    const person = await aPersonWithTwoStep();
    clock.advanceMinutes(1);
    const code = codeAt(person.secret, clock());
    const first = await passwordStep(person);
    const second = await passwordStep(person);
    const used = await postForm(app, '/sign-in/code', { code }, { cookie: first.cookie });
    expect(used.headers.get('Location')).toBe('/');
    const replayed = await postForm(app, '/sign-in/code', { code }, { cookie: second.cookie });
    expect(replayed.status).toBe(422);
    expect(await isSignedIn(second.cookie)).toBe(false);
    clock.advanceMinutes(1);
    const fresh = codeAt(person.secret, clock());
    const next = await postForm(app, '/sign-in/code', { code: fresh }, { cookie: second.cookie });
    expect(next.headers.get('Location')).toBe('/');
  });

  it('a waiting session ends after ten minutes', async () => {
    const person = await aPersonWithTwoStep();
    const { cookie } = await passwordStep(person);
    clock.advanceMinutes(11);
    const late = await postForm(
      app,
      '/sign-in/code',
      { code: codeAt(person.secret, clock()) },
      { cookie },
    );
    expect(late.headers.get('Location')).toBe('/sign-in');
  });

  it('a recovery code signs in once only, in any case and without dashes', async () => {
    const person = await aPersonWithTwoStep();
    const recoveryCode = person.recoveryCodes[3]!;
    const first = await passwordStep(person);
    const used = await postForm(
      app,
      '/sign-in/code',
      { code: recoveryCode.toUpperCase().replaceAll('-', ' ') },
      { cookie: first.cookie },
    );
    expect(used.status).toBe(303);
    expect(await isSignedIn(first.cookie)).toBe(true);

    const second = await passwordStep(person);
    const again = await postForm(
      app,
      '/sign-in/code',
      { code: recoveryCode },
      { cookie: second.cookie },
    );
    expect(again.status).toBe(422);
    const entries = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, person.id), eq(auditLog.detail, 'recovery code used')))
      .all();
    expect(entries).toHaveLength(1);
  });

  it('turning it off needs the password and a current code', async () => {
    const person = await aPersonWithTwoStep();
    const { cookie } = await passwordStep(person);
    await postForm(app, '/sign-in/code', { code: codeAt(person.secret, clock()) }, { cookie });

    const wrongPassword = await postForm(
      app,
      '/account/two-step/removal',
      { password: 'not it', code: codeAt(person.secret, clock()) },
      { cookie },
    );
    expect(wrongPassword.status).toBe(422);
    expect(load(await wrongPassword.text())('#password-error').text()).toBe('Salasana on väärin.');
    const wrongCode = await postForm(
      app,
      '/account/two-step/removal',
      { password: person.password, code: '000000' },
      { cookie },
    );
    expect(wrongCode.status).toBe(422);
    expect(load(await wrongCode.text())('#code-error').text()).toContain('Koodi ei kelpaa');

    const removed = await postForm(
      app,
      '/account/two-step/removal',
      { password: person.password, code: codeAt(person.secret, clock()) },
      { cookie },
    );
    expect(removed.status).toBe(303);
    const account = db.select().from(users).where(eq(users.id, person.id)).get()!;
    expect(account.totpSecret).toBeNull();
    expect(
      db.select().from(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, person.id)).all(),
    ).toHaveLength(0);
    expect((await passwordStep(person)).response.headers.get('Location')).toBe('/');
  });

  describe('when the admin requires it for every account', () => {
    let person: Person;
    let signedInBefore = '';

    beforeAll(async () => {
      person = await aStaffUser(db, 'instructor');
      signedInBefore = await signIn(app, await aStaffUser(db, 'coordinator'));
      const required = await postForm(
        app,
        '/admin/users/two-step-requirement',
        { required: 'on' },
        { cookie: adminCookie },
      );
      expect(required.status).toBe(303);
    });

    it('ends at once the sessions of accounts without it, but not the admin’s own', async () => {
      expect(await isSignedIn(signedInBefore)).toBe(false);
      expect(await isSignedIn(adminCookie)).toBe(true);
    });

    it('an account without it sets it up right after the password, before anything else', async () => {
      const { response, cookie } = await passwordStep(person, '/calls');
      expect(response.headers.get('Location')).toBe('/sign-in/enrolment?next=%2Fcalls');
      expect(await isSignedIn(cookie)).toBe(false);
      expect((await getPage(app, '/sign-in/code', cookie)).headers.get('Location')).toBe(
        '/sign-in/enrolment',
      );
      const page = load(await (await getPage(app, '/sign-in/enrolment', cookie)).text());
      const secret = String(page('#totp-secret').val());
      expect(page('img.qr-code')).toHaveLength(1);

      const confirmed = await postForm(
        app,
        '/sign-in/enrolment',
        { code: codeAt(secret, clock()), next: '/calls' },
        { cookie },
      );
      expect(confirmed.status).toBe(200);
      const $ = load(await confirmed.text());
      expect($('#recovery-codes code')).toHaveLength(10);
      expect($('a[href="/calls"]').text()).toContain('jatka');
      expect(await isSignedIn(cookie)).toBe(true);

      const nextTime = await passwordStep(person);
      expect(nextTime.response.headers.get('Location')).toBe('/sign-in/code');
    });

    it('cannot be turned off by the user while required', async () => {
      const secret = db.select().from(users).where(eq(users.id, person.id)).get()!.totpSecret!;
      const { cookie } = await passwordStep(person);
      await postForm(app, '/sign-in/code', { code: codeAt(secret, clock()) }, { cookie });
      const account = load(await (await getPage(app, '/account', cookie)).text());
      expect(account('#two-step-removal')).toHaveLength(0);
      const removal = await postForm(
        app,
        '/account/two-step/removal',
        { password: person.password, code: codeAt(secret, clock()) },
        { cookie },
      );
      expect(removal.status).toBe(422);
      expect(db.select().from(users).where(eq(users.id, person.id)).get()!.totpSecret).toBe(secret);
    });

    it('the admin page shows the requirement and can make it optional again', async () => {
      const $ = load(await (await getPage(app, '/admin/users', adminCookie)).text());
      expect($('#two-step-requirement input[name=required]').attr('checked')).toBeDefined();
      const optional = await postForm(
        app,
        '/admin/users/two-step-requirement',
        {},
        { cookie: adminCookie },
      );
      expect(optional.status).toBe(303);
      const withoutTwoStep = await aStaffUser(db, 'coordinator');
      expect((await passwordStep(withoutTwoStep)).response.headers.get('Location')).toBe('/');
      expect(
        db.select().from(auditLog).where(eq(auditLog.subjectType, 'security-settings')).all(),
      ).toHaveLength(2);
    });
  });
});

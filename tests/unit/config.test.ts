import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('has working defaults for a local start', () => {
    const result = parseConfig({});
    expect(result.ok && result.config).toMatchObject({
      port: 3000,
      databasePath: './data/kurssipolku.sqlite',
      secureCookies: false,
      seedDemoData: true,
      intakeCallMinutes: 15,
    });
  });

  it('counts an intake call as INTAKE_CALL_MINUTES in the hours, a whole number of minutes', () => {
    const minutes = (value: string) => {
      const result = parseConfig({ INTAKE_CALL_MINUTES: value });
      return result.ok ? result.config.intakeCallMinutes : result.problems.join();
    };
    expect(minutes('20')).toBe(20);
    expect(minutes('7.5')).toMatch(/^INTAKE_CALL_MINUTES="7.5": must be a whole number/);
    expect(minutes('-1')).toMatch(/^INTAKE_CALL_MINUTES="-1": must be at least 0/);
  });

  it('names PORT when it is not a port number', () => {
    const result = parseConfig({ PORT: 'abc' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.join()).toMatch(/^PORT="abc"/);
  });

  it('reports every bad value at once', () => {
    const result = parseConfig({ PORT: '70000', PUBLIC_URL: 'not a url', SEED_DEMO_DATA: 'maybe' });
    expect(!result.ok && result.problems.map((problem) => problem.split('=')[0])).toEqual([
      'PORT',
      'PUBLIC_URL',
      'SEED_DEMO_DATA',
    ]);
  });

  it('uses Secure cookies when the base URL is https', () => {
    const result = parseConfig({ PUBLIC_URL: 'https://kurssipolku.example.fi' });
    expect(result.ok && result.config.secureCookies).toBe(true);
  });

  it('trusts no proxy by default, one proxy for TRUST_PROXY=true and as many as a number says', () => {
    const hops = (value?: string) => {
      const result = parseConfig({ TRUST_PROXY: value });
      return result.ok ? result.config.trustedProxyHops : result.problems;
    };
    expect([undefined, 'false', '0', 'no'].map(hops)).toEqual([0, 0, 0, 0]);
    expect(['true', '1', 'yes'].map(hops)).toEqual([1, 1, 1]);
    expect(hops('2')).toBe(2);
  });

  it('names TRUST_PROXY when it is neither true, false nor a number of proxies', () => {
    for (const value of ['maybe', '-1', '1.5']) {
      const result = parseConfig({ TRUST_PROXY: value });
      expect(!result.ok && result.problems.join()).toMatch(
        /^TRUST_PROXY=".*": must be false, true/,
      );
    }
  });
});

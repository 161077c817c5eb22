import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';

/**
 * Every 500 is logged as "Unexpected error on …": registers hooks that fail each test of the file
 * which left one behind (the log still shows it).
 */
export function failOnUnexpectedErrors() {
  const loggedErrors: string[] = [];
  let checkedErrors = 0;
  const originalError = console.error;
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      loggedErrors.push(
        args.map((arg) => (arg instanceof Error ? arg.stack : String(arg))).join(' '),
      );
      originalError(...args);
    });
  });
  afterEach(() => {
    const fresh = loggedErrors.slice(checkedErrors);
    checkedErrors = loggedErrors.length;
    expect(fresh.filter((line) => line.includes('Unexpected error'))).toEqual([]);
  });
  afterAll(() => {
    vi.restoreAllMocks();
    expect(loggedErrors.filter((line) => line.includes('Unexpected error'))).toEqual([]);
  });
}

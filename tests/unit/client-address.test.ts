import { describe, expect, it } from 'vitest';
import { addressBehindProxies } from '../../src/http/client-address';

const socket = '10.0.0.5';

describe('the client address behind our own reverse proxies', () => {
  it('uses the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(addressBehindProxies('198.51.100.7', 0, socket)).toBe(socket);
  });

  it('takes the entry our one proxy added, not the left-most one the client wrote', () => {
    expect(addressBehindProxies('203.0.113.1, 198.51.100.7', 1, socket)).toBe('198.51.100.7');
  });

  it('counts the configured number of proxies from the right', () => {
    const header = '203.0.113.1,198.51.100.7, 192.0.2.10';
    expect(addressBehindProxies(header, 2, socket)).toBe('198.51.100.7');
  });

  it('takes the left-most entry of a request that passed fewer proxies than configured', () => {
    expect(addressBehindProxies('198.51.100.7', 2, socket)).toBe('198.51.100.7');
  });

  it('falls back to the socket address without the header or with an empty entry', () => {
    expect(addressBehindProxies(undefined, 1, socket)).toBe(socket);
    expect(addressBehindProxies('203.0.113.1, ', 1, socket)).toBe(socket);
  });
});

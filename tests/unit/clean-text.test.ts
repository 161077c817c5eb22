import { describe, expect, it } from 'vitest';
import { cleanFormValues, cleanText } from '../../src/lib/clean-text';

describe('cleaning typed text of control characters', () => {
  it('removes NUL and the other C0 controls, DEL and the C1 controls', () => {
    expect(cleanText('Ai\u0000no\u0007 Es\u001bimerkki\u007f\u0085')).toBe('Aino Esimerkki');
  });

  it('removes the bidirectional overrides and isolates', () => {
    const spoofed = 'Aino \u202eikkremise\u202c \u2066x\u2069 \u202a\u202b\u202d\u2067\u2068';
    expect(cleanText(spoofed)).toBe('Aino ikkremise x ');
  });

  it('removes direction marks and invisible characters, but keeps the joiners emoji need', () => {
    expect(cleanText('\ufeffAi\u200bno\u200e \u200fEs\u061cimerkki\u2028\u2029')).toBe(
      'Aino Esimerkki',
    );
    expect(cleanText('👩\u200d💻 کتاب\u200cها')).toBe('👩\u200d💻 کتاب\u200cها');
  });

  it('keeps tabs and line breaks, turning \\r\\n and a lone \\r into \\n', () => {
    expect(cleanText('rivi 1\r\nrivi 2\rrivi 3\n\tsisennetty')).toBe(
      'rivi 1\nrivi 2\nrivi 3\n\tsisennetty',
    );
  });

  it('leaves ordinary text alone, including letters and marks beyond ASCII', () => {
    const text = 'Åke Öhman – ”kiitos” 😊 عربى';
    expect(cleanText(text)).toBe(text);
  });

  it('cleans every text value of a form, also repeated fields, and leaves other values be', () => {
    const file = new Blob(['x']);
    expect(
      cleanFormValues({ name: 'A\u0000ino', needs: ['step-free\u202e', 'hearing'], file }),
    ).toEqual({ name: 'Aino', needs: ['step-free', 'hearing'], file });
    expect(cleanFormValues(undefined)).toBeUndefined();
  });
});

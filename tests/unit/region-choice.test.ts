import { describe, expect, it } from 'vitest';
import { chooseRegion } from '../../src/features/places/region-choice';

const regions = ['Keski-Suomi', 'Pirkanmaa'];

describe('the region a list shows', () => {
  it('is the home region when the address names none', () => {
    expect(chooseRegion(undefined, 'Pirkanmaa', regions)).toMatchObject({
      region: 'Pirkanmaa',
      unknown: null,
      asked: false,
    });
  });

  it('is the one the address names, and every region for an empty one', () => {
    expect(chooseRegion('Keski-Suomi', 'Pirkanmaa', regions)).toMatchObject({
      region: 'Keski-Suomi',
      asked: true,
    });
    expect(chooseRegion('', 'Pirkanmaa', regions)).toMatchObject({ region: '', asked: true });
  });

  it('is every region, said so, when the address names a region no locality has', () => {
    expect(chooseRegion('Atlantis', 'Pirkanmaa', regions)).toMatchObject({
      region: '',
      unknown: 'Atlantis',
    });
  });

  it('is every region, quietly, when the home region no longer has localities', () => {
    expect(chooseRegion(undefined, 'Lakkautettu', regions)).toMatchObject({
      region: '',
      unknown: null,
    });
  });
});

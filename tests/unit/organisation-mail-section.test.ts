import { describe, expect, it } from 'vitest';
import { organisationSection } from '../../src/features/invites/invitation-mail';
import { noContactYet as nothingSet } from '../../src/features/organisation/queries';

describe("the organisation's contact at the end of a participant's message", () => {
  it('lists the name, the coordinator, the phone as Finns write it and the e-mail, in the reader’s language', () => {
    const contact = {
      ...nothingSet,
      name: 'Järvi-Suomen hyvinvointialue',
      coordinatorName: 'Kerttu Kurssivastaava',
      phone: '+358447654321',
      email: 'arvo@hyvinvointialue.example',
      privacyContact: 'not in the mail',
    };
    expect(organisationSection(contact, 'fi')).toEqual([
      {
        heading: 'Yhteystiedot',
        lines: [
          'Järvi-Suomen hyvinvointialue',
          'Kurssikoordinaattori Kerttu Kurssivastaava',
          'Puhelin 044 7654321',
          'Sähköposti arvo@hyvinvointialue.example',
        ],
      },
    ]);
    expect(organisationSection(contact, 'en')[0]?.lines).toContain('Phone 044 7654321');
  });

  it('leaves out what is not set, and the whole section when nothing is', () => {
    expect(organisationSection({ ...nothingSet, phone: '+358447654321' }, 'fi')).toEqual([
      { heading: 'Yhteystiedot', lines: ['Puhelin 044 7654321'] },
    ]);
    expect(organisationSection({ ...nothingSet, postcode: '60100' }, 'fi')).toEqual([]);
  });
});

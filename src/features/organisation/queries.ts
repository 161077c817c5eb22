import { eq } from 'drizzle-orm';
import { organisationSettings } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';

export type OrganisationContact = Omit<
  typeof organisationSettings.$inferSelect,
  'id' | 'updatedAt'
>;

/** Before an admin fills in the settings every field is empty, and pages leave the contact out. */
export const noContactYet: OrganisationContact = {
  name: '',
  coordinatorName: '',
  phone: '',
  email: '',
  streetAddress: '',
  postcode: '',
  postOffice: '',
  privacyContact: '',
};

export function organisationContact(db: DatabaseOrTransaction): OrganisationContact {
  return (
    db
      .select({
        name: organisationSettings.name,
        coordinatorName: organisationSettings.coordinatorName,
        phone: organisationSettings.phone,
        email: organisationSettings.email,
        streetAddress: organisationSettings.streetAddress,
        postcode: organisationSettings.postcode,
        postOffice: organisationSettings.postOffice,
        privacyContact: organisationSettings.privacyContact,
      })
      .from(organisationSettings)
      .where(eq(organisationSettings.id, 1))
      .get() ?? noContactYet
  );
}

/** The languages of the interface and of stored preferences (also the schema's enum); fi first. */
export const languages = ['fi', 'en'] as const;
export type Language = (typeof languages)[number];

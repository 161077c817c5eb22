/** The languages of the interface and of stored preferences (also the schema's enum); fi first, then sv and en as the switch lists them. */
export const languages = ['fi', 'sv', 'en'] as const;
export type Language = (typeof languages)[number];

import { programs } from '../../../db/schema';

/**
 * A program's name in every language, as the columns a list query selects beside its own: one set,
 * so no list forgets a language (read back with `programNamesOf` in src/i18n/format.ts).
 */
export const programNameColumns = {
  programNameFi: programs.nameFi,
  programNameSv: programs.nameSv,
  programNameEn: programs.nameEn,
};

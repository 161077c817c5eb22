import type { CheerioAPI } from 'cheerio';

/** What a browser would send from the form: checked boxes only, each select's chosen option. */
export function formFields($: CheerioAPI, form: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const element of $(`${form} :is(input, select)`).toArray()) {
    const control = $(element);
    const name = control.attr('name');
    if (!name || control.attr('type') === 'submit') continue;
    if (control.attr('type') === 'checkbox' && !control.is(':checked')) continue;
    fields[name] = String(control.val() ?? '');
  }
  return fields;
}

/** The text of what `selector` finds, with runs of white space as one space. */
export const text = ($: CheerioAPI, selector: string) =>
  $(selector).text().replace(/\s+/g, ' ').trim();

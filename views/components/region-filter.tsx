import type { RegionChoice } from '../../src/features/places/region-choice';
import type { Translate } from '../../src/i18n';

/**
 * A plain GET form above a list: the chosen region is in the address (empty = every region), so it
 * works without JavaScript and can be linked. `keep` carries the list's other filters along.
 */
export function RegionFilter(props: {
  action: string;
  choice: RegionChoice;
  keep?: Record<string, string | null | undefined>;
  t: Translate;
}) {
  const { t, choice } = props;
  if (choice.regions.length === 0) return null;
  return (
    <form method="get" action={props.action} class="filters region-filter">
      {Object.entries(props.keep ?? {}).map(
        ([name, value]) => value && <input type="hidden" name={name} value={value} />,
      )}
      <div class={choice.unknown !== null ? 'field field-invalid' : 'field'}>
        <label for="region-filter">{t('region.label')}</label>
        {choice.unknown !== null && (
          <p id="region-filter-error" class="field-error">
            {t('region.unknown', { region: choice.unknown })}
          </p>
        )}
        <select
          id="region-filter"
          name="region"
          aria-describedby={choice.unknown !== null ? 'region-filter-error' : undefined}
        >
          <option value="">{t('region.all')}</option>
          {choice.regions.map((region) => (
            <option value={region} selected={choice.region === region}>
              {region}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('region.show')}</button>
    </form>
  );
}

/** Said next to a list's heading, so nobody takes one region's list for all of them. */
export function RegionShown(props: { choice: RegionChoice; t: Translate }) {
  if (props.choice.regions.length === 0) return null;
  return (
    <p class="region-shown">
      {props.choice.region === ''
        ? props.t('region.showingAll')
        : props.t('region.showing', { region: props.choice.region })}
    </p>
  );
}

/** The localities' regions, plus a stored home region no locality has any more, so saving keeps it. */
export function regionOptions(regions: string[], current: string): string[] {
  return current === '' || regions.includes(current) ? regions : [...regions, current];
}

/** The region for a link's query: only when the address chose it, else the default applies anyway. */
export function regionParam(choice: RegionChoice): { region?: string } {
  return choice.asked ? { region: choice.region } : {};
}

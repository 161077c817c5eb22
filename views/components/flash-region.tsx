import type { Flash } from '../../src/http/flash';
import type { Translate } from '../../src/i18n';

/** A polite live region: screen readers announce the notice, also when htmx swaps it out of band. */
export function FlashRegion(props: { flash: Flash | null; t: Translate; outOfBand?: boolean }) {
  const { flash, t } = props;
  return (
    <div
      id="flash"
      role="status"
      aria-live="polite"
      aria-label={t('flash.region')}
      hx-swap-oob={props.outOfBand ? 'true' : undefined}
    >
      {flash && <p class={`flash flash-${flash.kind}`}>{t(flash.key, flash.params)}</p>}
    </div>
  );
}

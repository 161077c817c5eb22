import type { Translate } from '../../src/i18n';

/**
 * The last row of a paged table: a plain link to the next page, which htmx turns into "show more"
 * (the next rows replace this row, ending with the next such row). Without JavaScript the link
 * opens the next page.
 */
export function MoreRowsRow(props: {
  id: string;
  columns: number;
  href: string | null;
  t: Translate;
}) {
  if (props.href === null) return null;
  return (
    <tr id={props.id} class="more-rows">
      <td colspan={props.columns}>
        <a
          class="button-link more-link"
          href={props.href}
          hx-get={props.href}
          hx-target="closest tr"
          hx-swap="outerHTML"
        >
          {props.t('paging.more')}
        </a>
      </td>
    </tr>
  );
}

/**
 * In a "show more" answer the first new row takes the focus (htmx focuses `autofocus` in swapped
 * content): the link that had it is gone, and a keyboard or screen reader user reads on from there.
 */
export function focusOnFirst(moreAnswer: boolean | undefined, index: number) {
  return moreAnswer && index === 0 ? { tabindex: -1, autofocus: true } : {};
}

/** Shown above a later page opened without JavaScript, so the newest rows are one step away. */
export function FirstPageLink(props: { href: string; shown: boolean; t: Translate }) {
  if (!props.shown) return null;
  return (
    <p class="first-page">
      <a href={props.href}>{props.t('paging.first')}</a>
    </p>
  );
}

/** The address of the next page: the list's own filters kept, `after` set. */
export function nextPageHref(
  path: string,
  filters: Record<string, string | undefined>,
  after: number,
) {
  return listHref(path, { ...filters, after: String(after) });
}

/** The list's address with its filters (empty ones left out), e.g. its first page. */
export function listHref(path: string, filters: Record<string, string | undefined>) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') query.set(name, value);
  }
  const search = query.toString();
  return search === '' ? path : `${path}?${search}`;
}

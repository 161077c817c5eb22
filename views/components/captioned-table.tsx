/**
 * A table in its own scrolling region (no sideways scroll of the page at 390 px), named by its
 * caption, with one column heading per label; the rows are the children.
 */
export function CaptionedTable(props: {
  /** Names the caption (`<id>-caption`), which names the region. */
  id: string;
  caption: string;
  headings: string[];
  children: unknown;
}) {
  const captionId = `${props.id}-caption`;
  return (
    <div class="table-scroll" role="region" aria-labelledby={captionId} tabindex={0}>
      <table>
        <caption id={captionId}>{props.caption}</caption>
        <thead>
          <tr>
            {props.headings.map((heading) => (
              <th scope="col">{heading}</th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

import type { UnconfirmedSubmission } from '../../src/features/intake/unconfirmed-submissions';
import { formatDateTime } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';

type PageContext = { t: Translate; language: Language };

function ReviewForm(props: { action: string; returnTo: string; label: string; kind?: string }) {
  return (
    <form method="post" action={props.action}>
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <button type="submit" class={props.kind}>
        {props.label}
      </button>
    </form>
  );
}

/**
 * What public forms offered for existing applications, beside what the application holds, for
 * the coordinator to take over after checking with the person, or to dismiss.
 */
export function UnconfirmedSubmissions(
  props: { submissions: UnconfirmedSubmission[]; returnTo: string } & PageContext,
) {
  const { t, language } = props;
  if (props.submissions.length === 0) return null;
  return (
    <section id="unconfirmed-submissions" aria-labelledby="unconfirmed-submissions-title">
      <h2 id="unconfirmed-submissions-title">{t('intake.unconfirmed.title')}</h2>
      <p>{t('intake.unconfirmed.intro')}</p>
      {props.submissions.map((submission) => {
        const headingId = `unconfirmed-${submission.id}-title`;
        const base = `/unconfirmed-submissions/${submission.id}`;
        return (
          <article
            id={`unconfirmed-${submission.id}`}
            class="unconfirmed-submission"
            aria-labelledby={headingId}
          >
            <h3 id={headingId}>
              {t('intake.unconfirmed.received', {
                name: submission.applicationName,
                date: formatDateTime(submission.receivedAt, language),
                source: t(`calls.source.${submission.source}`),
              })}
            </h3>
            {submission.changes.length === 0 ? (
              <p>{t('intake.unconfirmed.nothingNew')}</p>
            ) : (
              <div class="table-scroll" role="region" aria-labelledby={headingId} tabindex={0}>
                <table>
                  <caption>{t('intake.unconfirmed.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('intake.unconfirmed.detail')}</th>
                      <th scope="col">{t('intake.unconfirmed.current')}</th>
                      <th scope="col">{t('intake.unconfirmed.offered')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {submission.changes.map((change) => (
                      <tr data-field={change.field}>
                        <th scope="row">{t(`intake.unconfirmed.field.${change.field}`)}</th>
                        <td data-label={t('intake.unconfirmed.current')}>
                          {change.current || t('intake.unconfirmed.empty')}
                        </td>
                        <td data-label={t('intake.unconfirmed.offered')}>{change.offered}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div class="actions" role="group" aria-labelledby={headingId}>
              <ReviewForm
                action={`${base}/acceptance`}
                returnTo={props.returnTo}
                label={t('intake.unconfirmed.takeOver')}
              />
              <ReviewForm
                action={`${base}/dismissal`}
                returnTo={props.returnTo}
                label={t('intake.unconfirmed.dismiss')}
                kind="danger"
              />
            </div>
          </article>
        );
      })}
    </section>
  );
}

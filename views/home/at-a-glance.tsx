import type { AtAGlance, SteeringSummary } from '../../src/features/home/at-a-glance';
import type { TargetProgress } from '../../src/features/terms/term-plan';
import type { Language, Translate } from '../../src/i18n';
import {
  formatDate,
  formatDateTime,
  formatLocalDate,
  formatTimeRange,
} from '../../src/i18n/format';

function Progress(props: { progress: TargetProgress; t: Translate }) {
  return (
    <strong class={`progress-${props.progress}`}>
      {props.t(`term.progress.${props.progress}`)}
    </strong>
  );
}

const phases = ['planned', 'running', 'completed', 'cancelled'] as const;

function Figure(props: { id: string; label: string; children: unknown }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd id={props.id}>{props.children}</dd>
    </>
  );
}

/** One to-do with its count, as a link to the page where it is handled. */
function GlanceLink(props: {
  id: string;
  /** Null when there is nowhere to go: nothing to handle further down this page. */
  href: string | null;
  count: number;
  text: string;
  hint?: string;
}) {
  return (
    <li>
      {props.href === null ? (
        <span id={props.id} class="glance-none">
          <strong class="glance-count">{props.count}</strong> {props.text}
        </span>
      ) : (
        <a id={props.id} href={props.href}>
          <strong class="glance-count">{props.count}</strong> {props.text}
          {props.hint && <span class="glance-hint">{props.hint}</span>}
        </a>
      )}
    </li>
  );
}

/** The next steering meeting and the open action items, each a link to its meeting. */
function SteeringGlance(props: { steering: SteeringSummary; t: Translate; language: Language }) {
  const { steering, t, language } = props;
  const next = steering.nextMeeting;
  const more = steering.openItemCount - steering.openItems.length;
  return (
    <section class="glance-steering" aria-labelledby="glance-steering-title">
      <h3 id="glance-steering-title">{t('home.glance.steering')}</h3>
      {next ? (
        <p id="glance-next-meeting">
          {t('home.glance.nextMeeting')}{' '}
          <a href={`/meetings/${next.id}`}>
            {t('home.glance.meetingWhen', {
              title: next.title,
              date: formatLocalDate(next.localDate, language),
              time: formatTimeRange(next.startTime, next.endTime, language),
            })}
          </a>
        </p>
      ) : (
        <p id="glance-next-meeting">
          {t('home.glance.noNextMeeting')}{' '}
          <a href="/meetings/new">{t('home.glance.planMeeting')}</a>
        </p>
      )}
      <h4 id="glance-action-items-title">{t('home.glance.openItems')}</h4>
      {steering.openItems.length === 0 ? (
        <p id="glance-no-action-items">{t('home.glance.noOpenItems')}</p>
      ) : (
        <ul id="glance-action-items" aria-labelledby="glance-action-items-title">
          {steering.openItems.map((item) => (
            <li id={`glance-action-item-${item.id}`}>
              <a href={`/meetings/${item.meetingId}#action-item-${item.id}`}>{item.description}</a>{' '}
              {t('home.glance.itemOwnerDue', {
                owner: item.ownerName,
                due: formatLocalDate(item.dueDate, language),
              })}
              {item.overdue && (
                <>
                  {' '}
                  <strong class="overdue">{t('home.glance.overdue')}</strong>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <p>
          <a href="/meetings">{t('home.glance.moreItems', { count: more })}</a>
        </p>
      )}
    </section>
  );
}

/** Top of the coordinator's home page: the term's targets against actual and the to-do counts. */
export function AtAGlanceSummary(props: { glance: AtAGlance; t: Translate; language: Language }) {
  const { glance, t, language } = props;
  const summary = glance.termSummary;
  const todos = [
    ['decisions', '/decisions', glance.decisionsDue],
    ['calls', '/calls', glance.calls.count],
    ['new-instructors', '/instructors', glance.instructors.newWithoutCourse],
    ['failed-mail', '/outbox?state=failed', glance.failedMail],
    ['deletion-requests', '#deletion-requests-title', glance.deletionRequests],
  ] as const;
  return (
    <section id="at-a-glance" class="at-a-glance" aria-labelledby="at-a-glance-title">
      <h2 id="at-a-glance-title">{t('home.glance.title')}</h2>
      {glance.region && <p class="region-shown">{t('region.glance', { region: glance.region })}</p>}
      {summary ? (
        <div class="glance-term">
          <h3 id="glance-term-title">
            <a id="glance-term" href={`/terms/${summary.term.id}`}>
              {t('home.glance.term', {
                name: summary.term.name,
                from: formatDate(summary.term.startsOn, language),
                to: formatDate(summary.term.endsOn, language),
              })}
            </a>
          </h3>
          <dl class="details" id="glance-figures">
            <dt>{t('home.glance.courses')}</dt>
            <dd id="glance-courses">
              {t('term.coursesTarget', {
                actual: summary.courses.active,
                min: summary.term.targetCoursesMin,
                max: summary.term.targetCoursesMax,
              })}{' '}
              <Progress progress={summary.coursesProgress} t={t} />
            </dd>
            {phases.map((phase) => (
              <Figure id={`glance-courses-${phase}`} label={t(`home.glance.${phase}`)}>
                {summary.courses[phase]}
              </Figure>
            ))}
            <dt>{t('home.glance.trained')}</dt>
            <dd id="glance-trained">
              {t('term.instructorsTarget', {
                actual: summary.trained,
                min: summary.term.targetInstructorsMin,
                max: summary.term.targetInstructorsMax,
              })}{' '}
              <Progress progress={summary.trainedProgress} t={t} />
            </dd>
            {(['active', 'lapsing'] as const).map((status) => (
              <Figure id={`glance-instructors-${status}`} label={t(`home.glance.${status}`)}>
                {glance.instructors[status]}
              </Figure>
            ))}
          </dl>
        </div>
      ) : (
        <p id="glance-no-term">
          {t('home.glance.noTerm')} <a href="/terms">{t('home.glance.toTerms')}</a>
        </p>
      )}
      <ul class="glance-links" aria-label={t('home.glance.todo')}>
        {todos.map(([name, href, count]) => (
          <GlanceLink
            id={`glance-${name}`}
            href={href.startsWith('#') && count === 0 ? null : href}
            count={count}
            text={t(`home.glance.${name}`)}
            hint={
              name === 'calls' && glance.calls.oldestDueAt
                ? t('home.glance.oldestCall', {
                    date: formatDateTime(glance.calls.oldestDueAt, language),
                  })
                : undefined
            }
          />
        ))}
      </ul>
      <SteeringGlance steering={glance.steering} t={t} language={language} />
    </section>
  );
}

import type { OpenCourse } from '../../src/features/intake/queries';
import type { OrganisationContact } from '../../src/features/organisation/queries';
import type { Language, Translate } from '../../src/i18n';
import { programName, programNamesOf } from '../../src/i18n/format';
import { ContactBlock, hasContact } from '../components/contact-block';
import { courseDates, coursesByLocality, weeklyTime } from '../intake/applicant-fields';

type FrontPageProps = {
  courses: OpenCourse[];
  contact: OrganisationContact;
  t: Translate;
  language: Language;
};

function OpenCourseCards(props: { courses: OpenCourse[]; t: Translate; language: Language }) {
  const { t, language } = props;
  if (props.courses.length === 0) return <p id="open-courses">{t('intake.noOpenCourses')}</p>;
  return (
    <div id="open-courses">
      {coursesByLocality(props.courses).map(([locality, courses]) => (
        <section class="front-locality">
          <h3>{locality}</h3>
          <ul class="front-courses">
            {courses.map((course) => (
              <li class="front-course" data-course-id={course.id}>
                <p class="front-course-name">{programName(programNamesOf(course), language)}</p>
                <dl class="details">
                  <dt>{t('intake.dates')}</dt>
                  <dd>{courseDates(course, language)}</dd>
                  <dt>{t('intake.time')}</dt>
                  <dd>{weeklyTime(course, props)}</dd>
                  <dt>{t('intake.venue')}</dt>
                  <dd>{course.venueName ?? t('intake.venueToBeConfirmed')}</dd>
                  <dt>{t('home.front.seatsLeft')}</dt>
                  <dd class="seats-left">
                    {course.seatsLeft > 0 ? course.seatsLeft : t('home.front.full')}
                  </dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** The anonymous visitor's way in: the open courses, the forms, the contact and staff sign-in. */
export function FrontPage(props: FrontPageProps) {
  const { t } = props;
  return (
    <section id="front-page">
      <h1>{t('home.front.title')}</h1>
      <p>{t('home.front.intro')}</p>
      <ul class="front-actions">
        <li>
          <h2>{t('home.front.applyTitle')}</h2>
          <p>{t('home.front.applyText')}</p>
          <a class="button-link" href="/apply">
            {t('home.front.applyTitle')}
          </a>
        </li>
        <li>
          <h2>{t('home.front.referTitle')}</h2>
          <p>{t('home.front.referText')}</p>
          <a class="button-link" href="/referrals">
            {t('home.front.referTitle')}
          </a>
        </li>
      </ul>
      <section aria-labelledby="open-courses-title">
        <h2 id="open-courses-title">{t('intake.openCoursesTitle')}</h2>
        <OpenCourseCards courses={props.courses} t={t} language={props.language} />
      </section>
      {hasContact(props.contact) && (
        <section id="contact" aria-labelledby="contact-title">
          <h2 id="contact-title">{t('home.front.contactTitle')}</h2>
          <p>{t('home.front.contactText')}</p>
          <ContactBlock contact={props.contact} t={t} />
        </section>
      )}
      <p class="staff-sign-in">
        <a href="/sign-in">{t('home.front.staffSignIn')}</a>
      </p>
    </section>
  );
}

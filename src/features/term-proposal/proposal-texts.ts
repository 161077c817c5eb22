import type { Language, Translate } from '../../i18n';
import { formatDate } from '../../i18n/format';
import type { CourseReason, PlanScore, Violation } from './plan-rules';
import type { Blocker } from './propose';
import { reviewField, type ReviewedCourse } from './proposal-input';
import type { ProposalData } from './proposal-queries';

/** The proposal pages' sentences: what blocks a plan, why a course is there, what a rule says. */
export type Words = { t: Translate; language: Language };

export function blockerText({ t }: Words, data: ProposalData, blocker: Blocker): string {
  const seats = data.program.maxParticipants;
  const locality = (id: number) => data.localityNames.get(id) ?? '';
  switch (blocker.rule) {
    case 'no-candidate-course':
      return t('proposal.blocker.no-candidate-course');
    case 'no-venue':
      return blocker.reason === 'capacity'
        ? t('proposal.blocker.no-venue-capacity', { seats })
        : t(
            data.program.online
              ? 'proposal.blocker.no-venue-kind-online'
              : 'proposal.blocker.no-venue-kind-in-person',
          );
    case 'required-locality-venue':
      return t('proposal.blocker.required-locality-venue', {
        locality: locality(blocker.localityId),
        seats,
      });
    case 'required-locality-instructors':
      return t('proposal.blocker.required-locality-instructors', {
        locality: locality(blocker.localityId),
        working: blocker.working,
        free: blocker.freeAtBest,
      });
    case 'course-count':
      return blocker.hoursLimited
        ? t('proposal.blocker.course-count-hours', {
            most: blocker.most,
            hours: data.problem.maxHoursPerInstructor,
          })
        : t('proposal.blocker.course-count', { most: blocker.most });
    case 'required-together':
      return t('proposal.blocker.required-together', {
        count: data.problem.courseCount,
        localities: blocker.localityIds.map(locality).join(', '),
      });
  }
}

export function reasonText(
  { t, language }: Words,
  data: ProposalData,
  reason: CourseReason,
): string {
  switch (reason.kind) {
    case 'servedHere':
    case 'servedNearby':
      return t(`proposal.why.${reason.kind}`, {
        count: reason.count,
        locality: data.localityNames.get(reason.localityId) ?? '',
      });
    case 'stepFree':
    case 'timeSuits':
      return t(`proposal.why.${reason.kind}`, { count: reason.count });
    case 'first-course':
    case 'lapsing':
      return t(`proposal.why.${reason.kind}`, {
        name: data.instructors.get(reason.instructorId)?.name ?? '',
        date: formatDate(reason.by, language),
      });
    case 'pair':
      return t('proposal.why.pair');
    case 'nobodyWaiting':
      return t('proposal.why.nobodyWaiting');
  }
}

export function summaryOf({ t }: Words, score: PlanScore, provenBest: boolean): string[] {
  return [
    t('proposal.summary', {
      served: score.servedHere + score.servedNearby,
      here: score.servedHere,
      nearby: score.servedNearby,
    }),
    t('proposal.summaryDeadlines', { count: score.deadlinesMet.length }),
    t('proposal.summaryHours', { hours: Math.round(score.busiestHours) }),
    ...(provenBest ? [] : [t('proposal.notProvenBest')]),
  ];
}

/** Where a broken rule is shown: at the instructor it names, else at the venue. */
export function violationField(course: ReviewedCourse, violation: Violation): string {
  if (violation.instructorId !== undefined) {
    const second = course.instructorIds[1] === violation.instructorId;
    return reviewField(second ? 'instructor2' : 'instructor1', course.index);
  }
  if (violation.rule === 'two-instructors') return reviewField('instructor2', course.index);
  return reviewField('venue', course.index);
}

export function violationText({ t }: Words, data: ProposalData, violation: Violation) {
  switch (violation.rule) {
    case 'two-instructors':
    case 'instructor-locality':
    case 'licence':
    case 'instructor-double-booked':
    case 'venue-double-booked':
    case 'venue-kind':
      return t(`proposal.rule.${violation.rule}`);
    case 'venue-capacity':
      return t('proposal.rule.venue-capacity', { seats: data.program.maxParticipants });
    case 'hours-maximum':
      return t('proposal.rule.hours-maximum', { hours: data.problem.maxHoursPerInstructor });
    default:
      return t('validation.invalid');
  }
}

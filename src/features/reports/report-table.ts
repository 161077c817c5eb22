import { dropOutReasons } from '../../../db/schema';
import type { Translate } from '../../i18n';
import type { CsvCell } from '../../lib/csv';
import { completionRate, maskSmall } from './report-rules';
import type { TotalFigures } from './queries';

/**
 * The figure columns every table of the report shares (per course, per locality, per term…), built
 * once for the page and the CSV so both show the same masked figures. Seats is a capacity, not
 * people, so it is never masked.
 */
export function figureHeader(t: Translate): string[] {
  return [
    t('reports.col.public'),
    t('reports.col.referral'),
    t('reports.col.phone'),
    t('reports.col.applications'),
    t('reports.col.reached'),
    t('reports.col.notReached'),
    t('reports.col.placed'),
    t('reports.col.started'),
    t('reports.col.completed'),
    t('reports.col.completionRate'),
    ...dropOutReasons.map((reason) =>
      t('reports.col.dropOut', { reason: t(`attendance.dropOut.${reason}`) }),
    ),
    t('reports.col.waitlistAtStart'),
    t('reports.col.seatsFilled'),
    t('reports.col.seats'),
  ];
}

export function shownFigures(figures: TotalFigures): CsvCell[] {
  return [
    maskSmall(figures.bySource.public),
    maskSmall(figures.bySource.referral),
    maskSmall(figures.bySource.phone),
    maskSmall(figures.applications),
    maskSmall(figures.reached),
    maskSmall(figures.notReached),
    maskSmall(figures.placed),
    maskSmall(figures.started),
    maskSmall(figures.completed),
    completionRate(figures.completed, figures.started),
    ...dropOutReasons.map((reason) => maskSmall(figures.dropOuts[reason])),
    maskSmall(figures.waitlistAtStart),
    maskSmall(figures.seatsFilled),
    figures.seats,
  ];
}

/** A table ready to show: labels first, then the masked figures; the last row is the total. */
export type ReportTable = { header: string[]; rows: CsvCell[][] };

import { load, type CheerioAPI } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { programs } from '../../db/schema';
import {
  aLocality,
  aProgramOfSize,
  anAutumnTerm,
  anOpenCourse,
  aSpringTerm,
} from '../support/planning-fixtures';
import { aReportPerson, type ReportPerson } from '../support/report-fixtures';
import { aStaffUser, buildTestApp, getPage, signIn } from '../support/test-app';

const at = new Date('2026-09-01T09:00:00Z');
const completer: ReportPerson = {
  source: 'referral',
  reached: true,
  state: 'completed',
  everPlaced: true,
  present: true,
};

/** What one chart on the page says: in its SVG (labels, text alternative) and in its table. */
type ChartOnPage = {
  role: string | undefined;
  title: string;
  description: string;
  values: string[];
  maskedBars: number;
  tableFigures: string[];
  /** Each figure cell's column name, which a phone shows above it (the table is cards there). */
  tableLabels: string[];
};

function chartsOf($: CheerioAPI): Record<string, ChartOnPage> {
  const charts: Record<string, ChartOnPage> = {};
  $('#report-charts figure').each((_, figure) => {
    const svg = $(figure).find('svg');
    const byId = (id: string | undefined) => $(`[id="${id}"]`).text();
    charts[$(figure).attr('id')!] = {
      role: svg.attr('role'),
      title: byId(svg.attr('aria-labelledby')),
      description: byId(svg.attr('aria-describedby')),
      values: svg
        .find('.chart-value')
        .map((__, text) => $(text).text())
        .get(),
      maskedBars: svg.find('.chart-bar-masked, .chart-marker-masked').length,
      tableFigures: $(figure)
        .find('table td.number')
        .map((__, cell) => $(cell).text())
        .get(),
      tableLabels: $(figure)
        .find('table td.number')
        .map((__, cell) => $(cell).attr('data-label'))
        .get(),
    };
  });
  return charts;
}

describe('the charts of the term report', () => {
  const { app, db, clock } = buildTestApp();
  let autumn = 0;
  let spring = 0;
  const names: string[] = [];
  const cookies = { coordinator: '', reporting: '' };

  const people = (
    where: { courseId: number; localityId: number },
    count: number,
    person: ReportPerson,
  ) => {
    for (let i = 0; i < count; i++) {
      const name = `Kaavion Henkilö ${names.length + 1}`;
      names.push(aReportPerson(db, { ...where, at, name }, person));
    }
  };

  beforeAll(async () => {
    autumn = anAutumnTerm(db);
    spring = aSpringTerm(db);
    const north = aLocality(db, 'Pohjoinen');
    const south = aLocality(db, 'Eteläinen');
    const fourteen = aProgramOfSize(db, { minParticipants: 1, maxParticipants: 14 });
    const ten = aProgramOfSize(db, { minParticipants: 1, maxParticipants: 10 });
    // Names without digits, so that a digit in the charts' words can only be a figure or an id.
    db.update(programs).set({ nameFi: 'Arki' }).where(eq(programs.id, fourteen)).run();
    db.update(programs).set({ nameFi: 'Tasapaino' }).where(eq(programs.id, ten)).run();
    const big = {
      courseId: anOpenCourse(db, { termId: autumn, localityId: north, programId: fourteen }),
      localityId: north,
    };
    const small = {
      courseId: anOpenCourse(db, { termId: autumn, localityId: south, programId: ten }),
      localityId: south,
    };
    anOpenCourse(db, { termId: autumn, localityId: south, programId: ten });
    // The big course: 8 applied, 7 reached and placed, 6 came, 5 completed (rate 83 %).
    people(big, 5, completer);
    people(big, 1, { ...completer, state: 'withdrawn', dropOut: 'health' });
    people(big, 1, { ...completer, state: 'not-completed', present: false });
    people(big, 1, { ...completer, reached: false, state: 'waitlisted', everPlaced: false });
    // The small course: 3 applied and all 3 completed, which no chart may show as 3.
    people(small, 3, completer);
    // Spring: 6 completed in the north.
    const springCourse = {
      courseId: anOpenCourse(db, {
        termId: spring,
        localityId: north,
        programId: fourteen,
        firstDate: '2027-02-02',
      }),
      localityId: north,
    };
    people(springCourse, 6, completer);
    clock.setTo(new Date('2026-12-01T10:00:00Z'));
    cookies.coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    cookies.reporting = await signIn(app, await aStaffUser(db, 'reporting'));
  });

  const chartsAt = async (path: string, cookie = cookies.coordinator) => {
    const response = await getPage(app, path, cookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    return { charts: chartsOf(load(html)), html };
  };

  it('draws the funnel, completion by course and demand by locality from hand-counted numbers', async () => {
    const { charts } = await chartsAt(`/reports/terms/${autumn}`);
    expect(Object.keys(charts)).toEqual(['chart-funnel', 'chart-completion', 'chart-demand']);
    // 8 + 3 applied, 7 + 3 reached and placed, 6 + 3 started, 5 + 3 completed.
    expect(charts['chart-funnel']!.tableFigures).toEqual(['11', '10', '10', '9', '8']);
    expect(charts['chart-funnel']!.description).toBe(
      'Hakemuksia oli 11. Heistä tavoitettiin 10, paikan sai 10, aloitti 9 ja suoritti 8.',
    );
    // Per course: started, completed, rate; the course nobody came to has no rate.
    expect(charts['chart-completion']!.tableFigures).toEqual([
      '< 5',
      '< 5',
      '< 5',
      '0',
      '0',
      '–',
      '6',
      '5',
      '83',
    ]);
    // Applications and seats: the south's two courses have 10 seats each.
    expect(charts['chart-demand']!.tableFigures).toEqual(['< 5', '20', '8', '14']);
    expect(charts['chart-demand']!.tableLabels).toEqual([
      'Hakemukset yhteensä',
      'Paikkoja',
      'Hakemukset yhteensä',
      'Paikkoja',
    ]);
  });

  it('has a name and a text alternative on every chart, with the same figures as its table', async () => {
    for (const path of [`/reports/terms/${autumn}`, `/reports?terms=${spring},${autumn}`]) {
      const { charts } = await chartsAt(path);
      expect(Object.keys(charts).length, path).toBeGreaterThan(1);
      for (const [id, chart] of Object.entries(charts)) {
        expect(chart.role, id).toBe('img');
        expect(chart.title, id).not.toBe('');
        expect(chart.description.length, id).toBeGreaterThan(chart.title.length);
        const figures =
          id === 'chart-completion' ? rateColumn(chart.tableFigures) : chart.tableFigures;
        expect(chart.values, id).toEqual(figures);
        for (const figure of figures) expect(chart.description, id).toContain(figure);
      }
    }
  });

  it('shows the masked figures as "< 5" in the chart and its words, never the 3', async () => {
    const { charts } = await chartsAt(`/reports/terms/${autumn}`);
    const completion = charts['chart-completion']!;
    expect(completion.values[0]).toBe('< 5');
    expect(completion.maskedBars).toBe(1);
    expect(completion.description).toContain('< 5');
    const demand = charts['chart-demand']!;
    expect(demand.values[0]).toBe('< 5');
    expect(demand.maskedBars).toBe(1);
    expect(demand.description).toContain('Eteläinen: hakemuksia < 5, paikkoja 20');
    for (const chart of Object.values(charts)) {
      expect(chart.values).not.toContain('3');
      // Course ids are in brackets after the names; no figure in the words is 3.
      expect(chart.description.replace(/\(\d+\)/g, '')).not.toMatch(/\b3\b/);
    }
  });

  it('follows the chosen terms oldest first in the year view, with their funnel together', async () => {
    const { charts } = await chartsAt(`/reports?terms=${spring},${autumn}`);
    expect(Object.keys(charts)).toEqual(['chart-funnel', 'chart-trend']);
    // Applications, placed, completed: autumn 11, 10, 8; spring 6, 6, 6.
    expect(charts['chart-trend']!.tableFigures).toEqual(['11', '10', '8', '6', '6', '6']);
    expect(charts['chart-funnel']!.tableFigures).toEqual(['17', '16', '16', '15', '14']);
  });

  it('draws no charts for a term without courses', async () => {
    const empty = anAutumnTerm(db);
    const { charts, html } = await chartsAt(`/reports/terms/${empty}`);
    expect(charts).toEqual({});
    expect(load(html)('#report-charts').length).toBe(0);
  });

  it('shows the reporting role the charts and never a name', async () => {
    const { charts, html } = await chartsAt(`/reports/terms/${autumn}`, cookies.reporting);
    expect(Object.keys(charts)).toHaveLength(3);
    for (const name of names) expect(html).not.toContain(name);
  });
});

/** The completion chart draws only the rate, the last of each row's three figures. */
function rateColumn(figures: string[]): string[] {
  return figures.filter((_, index) => index % 3 === 2);
}

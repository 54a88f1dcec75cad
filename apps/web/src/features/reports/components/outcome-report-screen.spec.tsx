import type { OutcomeReport } from '@pathways/contracts';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadAdministrationTranslations } from '../../../lib/administration-i18n';
import { i18n } from '../../../lib/i18n';
import { loadReportsTranslations } from '../../../lib/reports-i18n';
import { errorBody } from '../../../test/render';
import { renderWithProviders } from '../../../test/render';
import { buildHeadlineOutcomeReport, buildOutcomeReport } from '../../../test/report-factories';
import { OutcomeReportScreen } from './outcome-report-screen';

jest.mock('recharts', () =>
  jest
    .requireActual<typeof import('../../../test/fixed-size-charts')>('../../../test/fixed-size-charts')
    .fixedSizeRecharts(),
);

type Handler = (url: string) => Response | Promise<Response>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Real `Response`s, so the CSV can stream; unknown GETs (catalogs) answer an empty list. */
function fakeApi(routes: Record<string, Handler>): jest.Mock {
  const mock = jest.fn((url: string) => {
    const handler = routes[url.split('?')[0] ?? url];
    return Promise.resolve(handler ? handler(url) : json([]));
  });
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}

function renderScreen(report: OutcomeReport, extra: Record<string, Handler> = {}) {
  const onFiltersChange = jest.fn();
  const fetchMock = fakeApi({ '/api/reports/outcomes': () => json(report), ...extra });
  renderWithProviders(
    <OutcomeReportScreen
      filters={{}}
      onFiltersChange={onFiltersChange}
      organizationName="Chula Vista Police Department"
    />,
  );
  return { onFiltersChange, fetchMock };
}

// A whole report draws some twenty charts in jsdom: slower than most component tests.
jest.setTimeout(15_000);

beforeAll(() => Promise.all([loadAdministrationTranslations(), loadReportsTranslations()]));
afterEach(() => act(() => void i18n.changeLanguage('en')));

test('shows every section of the report, each with a captioned table', async () => {
  renderScreen(buildOutcomeReport());

  expect(await screen.findByRole('heading', { level: 1, name: 'Outcome report' })).toBeInTheDocument();
  await screen.findByTestId('kpi-referrals');
  const sections = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  expect(sections).toEqual([
    'Referrals',
    'From referral to completion',
    'Clocks met on time',
    'Completion',
    'Recidivism',
    'Caseloads',
    'Services delivered',
    'Equity',
  ]);
  for (const caption of [
    'By month',
    'By school level',
    'By pathway',
    'By reason category',
    'By priority',
    'By school',
    'From referral to completion',
    'Clocks met on time',
    'By outcome',
    'Closure reasons',
    'Recidivism',
    'Caseloads',
    'Services delivered',
    'Race and ethnicity: rates and relative rate index by group',
    'Gender: rates and relative rate index by group',
  ])
    expect(screen.getByRole('table', { name: caption })).toBeInTheDocument();

  expect(screen.getByTestId('kpi-referrals')).toHaveTextContent('412');
  expect(screen.getByTestId('kpi-diversion')).toHaveTextContent('85.8%');
  expect(screen.getByTestId('kpi-completion')).toHaveTextContent('75%150 of 200');
  expect(screen.getByTestId('kpi-recidivism')).toHaveTextContent('12%');
  expect(screen.getByTestId('kpi-open')).toHaveTextContent('140');
  expect(screen.getByTestId('report-scope')).toHaveTextContent(
    'Referrals made by Chula Vista Police Department.',
  );
  expect(screen.getByTestId('report-scope')).toHaveTextContent('Period: Jan 1, 2025 to Dec 31, 2025');
  // The charts draw beside the tables, hidden from assistive technology.
  expect(document.querySelectorAll('.report-chart[aria-hidden="true"] svg').length).toBeGreaterThan(10);
});

test('shows a suppressed count as "<11" and explains small cells in a legend', async () => {
  renderScreen(buildOutcomeReport());

  const priority = await screen.findByRole('table', { name: 'By priority' });
  expect(within(priority).getByRole('row', { name: 'Crisis <11' })).toBeInTheDocument();
  expect(
    within(screen.getByRole('table', { name: 'By month' })).getByRole('row', { name: 'Mar 2025 <11' }),
  ).toBeInTheDocument();
  expect(screen.getByTestId('suppression-legend')).toHaveTextContent(
    '“<11” marks a hidden count: 1 to 10 young people, or another count hidden with it',
  );
  const sla = screen.getByRole('table', { name: 'Clocks met on time' });
  const rows = within(sla).getAllByRole('row');
  // The statutory 20-day clock comes first, whatever the order sent; its rate is hidden with its count.
  expect(rows[1]).toHaveTextContent('Service started within 20 days (WIC 652.5)280<1120hidden');
  expect(rows[3]).toHaveTextContent('Case plan0015—nothing to measure');
});

test('states the recidivism denominators and the cases whose window has not elapsed', async () => {
  renderScreen(buildOutcomeReport());

  const table = await screen.findByRole('table', { name: 'Recidivism' });
  expect(within(table).getByRole('row', { name: '6 months 12% 12 100 50' })).toBeInTheDocument();
  expect(within(table).getByRole('row', { name: /12 months hidden <11 40 110/ })).toBeInTheDocument();
  expect(screen.getByTestId('not-elapsed-M12')).toHaveTextContent(
    '12 months: 110 cases closed in the period have not reached the end of their window yet and are not counted.',
  );
});

test('flags a relative rate index of 1.5 or more and of 0.67 or less in words, against a named reference', async () => {
  renderScreen(buildOutcomeReport());

  expect(await screen.findByTestId('equity-race-ethnicity-reference')).toHaveTextContent(
    'Reference group: White',
  );
  const table = screen.getByRole('table', {
    name: 'Race and ethnicity: rates and relative rate index by group',
  });
  const row = (group: string) => table.querySelector(`tr[data-group="${group}"]`) as HTMLElement;
  const rri = (group: string, measure: string) =>
    row(group).querySelector(`td[data-measure="${measure}"]`) as HTMLElement;

  expect(rri('HISPANIC_LATINO', 'DIVERSION')).toHaveTextContent('0.63lower');
  expect(rri('BLACK', 'DECLINE')).toHaveTextContent('1.75higher');
  expect(rri('HISPANIC_LATINO', 'ENROLLMENT')).toHaveTextContent(/^1\.20$/);
  expect(rri('WHITE', 'DIVERSION')).toHaveTextContent(/^1\.00$/);
  expect(table.querySelectorAll('[data-rri-flag]')).toHaveLength(2);
  expect(row('WHITE')).toHaveTextContent('WhiteReference group');
  expect(row('MULTIRACIAL')).toHaveTextContent('Two or more races<11');
});

test('tells a hidden rate from one with nothing to measure', async () => {
  const report = buildOutcomeReport();
  const none = { rate: null, numerator: null, denominator: null };
  renderScreen({
    ...report,
    suppressedCells: [...report.suppressedCells, 'equity.LANGUAGE.es.ENROLLMENT.numerator'],
    equity: [
      {
        dimension: 'LANGUAGE',
        reference: 'en',
        groups: [
          {
            key: 'es',
            referred: 180,
            measures: [
              // School contacts do not record a language: diversion by language is not measured.
              { measure: 'DIVERSION', rate: none, rri: null },
              { measure: 'ENROLLMENT', rate: { rate: null, numerator: null, denominator: 180 }, rri: null },
            ],
          },
        ],
      },
    ],
  });

  const table = await screen.findByRole('table', {
    name: 'Primary language: rates and relative rate index by group',
  });
  const cells = within(table)
    .getByRole('row', { name: /Spanish/ })
    .querySelectorAll('td');
  expect(cells[1]).toHaveTextContent('—nothing to measure');
  expect(cells[3]).toHaveTextContent('hidden');
});

test('reads every null rate of an exact (provider supervisor) report as nothing to measure', async () => {
  const report = buildOutcomeReport({ scope: 'PROVIDER', suppressed: false, suppressedCells: [] });
  renderScreen({
    ...report,
    completion: { ...report.completion, rate: { rate: null, numerator: null, denominator: null } },
  });

  expect(await screen.findByTestId('kpi-completion')).toHaveTextContent(
    /^Completion rate—nothing to measure$/,
  );
  expect(screen.getByTestId('exact-counts')).toHaveTextContent('Your view shows exact counts');
  expect(screen.queryByTestId('suppression-legend')).not.toBeInTheDocument();
});

test('shows counts and rates in Spanish with Spanish number formats', async () => {
  renderScreen(buildOutcomeReport({ volume: { ...buildOutcomeReport().volume, total: 4120 } }));
  await screen.findByTestId('kpi-referrals');

  await act(() => i18n.changeLanguage('es'));

  expect(screen.getByRole('heading', { level: 1, name: 'Informe de resultados' })).toBeInTheDocument();
  expect(screen.getByTestId('kpi-referrals')).toHaveTextContent('4120');
  expect(screen.getByTestId('kpi-diversion')).toHaveTextContent('85,8 %');
  expect(screen.getByRole('table', { name: 'Por vía' })).toHaveTextContent(
    'Desviación policial (WIC 626(b))280',
  );
  expect(screen.getByTestId('suppression-legend')).toHaveTextContent('Los números pequeños se ocultan');
});

test('shows the empty state when no referrals were received in the period', async () => {
  const empty = buildOutcomeReport();
  renderScreen({ ...empty, volume: { ...empty.volume, total: 0 } });

  expect(await screen.findByRole('heading', { name: 'No referrals in this period' })).toBeInTheDocument();
  expect(screen.queryByRole('heading', { level: 2, name: 'Equity' })).not.toBeInTheDocument();
});

test('shows a skeleton while loading, then an error with a retry that loads the report again', async () => {
  let fail = true;
  const fetchMock = fakeApi({
    '/api/reports/outcomes': () =>
      fail ? json(errorBody(500, 'Internal Server Error', 'Boom'), 500) : json(buildHeadlineOutcomeReport()),
  });
  renderWithProviders(
    <OutcomeReportScreen filters={{}} onFiltersChange={jest.fn()} organizationName="CVPD" />,
  );

  expect(screen.getByTestId('report-skeleton')).toBeInTheDocument();
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Something went wrong');
  fail = false;
  await userEvent.setup().click(within(alert).getByRole('button', { name: 'Try again' }));

  expect(await screen.findByTestId('kpi-referrals')).toHaveTextContent('412');
  expect(
    fetchMock.mock.calls.filter(([url]) => String(url).startsWith('/api/reports/outcomes')),
  ).toHaveLength(2);
});

test('applies a filter at once, builds the next one on it, and refuses an end date before the start', async () => {
  const { onFiltersChange, fetchMock } = renderScreen(buildHeadlineOutcomeReport());
  const user = userEvent.setup();
  await screen.findByTestId('kpi-referrals');

  await user.selectOptions(screen.getByLabelText('Pathway'), 'PREVENTION');
  expect(onFiltersChange).toHaveBeenLastCalledWith({ pathway: 'PREVENTION' });
  // The parent has not passed the new address down yet: the next change still keeps the first.
  await user.selectOptions(screen.getByLabelText('Show volume by'), 'quarter');
  expect(onFiltersChange).toHaveBeenLastCalledWith({ pathway: 'PREVENTION', groupBy: 'quarter' });
  expect(fetchMock.mock.calls.map(([url]) => String(url))).toContain(
    '/api/reports/outcomes?pathway=PREVENTION&groupBy=quarter',
  );

  onFiltersChange.mockClear();
  await user.type(screen.getByLabelText('From'), '2025-06-01');
  expect(onFiltersChange).toHaveBeenLastCalledWith({
    from: '2025-06-01',
    pathway: 'PREVENTION',
    groupBy: 'quarter',
  });
  expect(screen.getByLabelText('From')).toHaveFocus();
  onFiltersChange.mockClear();
  await user.type(screen.getByLabelText('To'), '2025-01-31');
  expect(screen.getByText('The end date is before the start date.')).toBeInTheDocument();
  expect(onFiltersChange).not.toHaveBeenCalled();

  await user.click(screen.getByRole('button', { name: 'Reset filters' }));
  expect(onFiltersChange).toHaveBeenLastCalledWith({});
  expect(screen.getByLabelText('From')).toHaveValue('');
  expect(screen.queryByText('The end date is before the start date.')).not.toBeInTheDocument();
});

describe('the CSV download', () => {
  let click: jest.SpyInstance;
  beforeEach(() => {
    URL.createObjectURL = jest.fn(() => 'blob:report');
    URL.revokeObjectURL = jest.fn();
    click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => click.mockRestore());

  test('shows its progress while it streams, then saves it under the name the server gave', async () => {
    let stream!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start: (controller) => void (stream = controller) });
    const { fetchMock } = renderScreen(buildHeadlineOutcomeReport(), {
      '/api/reports/outcomes.csv': () =>
        new Response(body, {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Length': '4000',
            'Content-Disposition': 'attachment; filename="outcomes-2025-01-01-2025-12-31.csv"',
          },
        }),
    });
    const user = userEvent.setup();
    await screen.findByTestId('kpi-referrals');

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(await screen.findByTestId('csv-progress')).toBeInTheDocument();
    act(() => stream.enqueue(new TextEncoder().encode('x'.repeat(1000))));
    expect(await screen.findByText('Downloading the CSV: 1 kB of 4 kB (25%)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'CSV download progress' })).toHaveAttribute(
      'aria-valuenow',
      '25',
    );
    act(() => {
      stream.enqueue(new TextEncoder().encode('y'.repeat(3000)));
      stream.close();
    });

    expect(await screen.findByTestId('csv-done')).toHaveTextContent(
      'Saved outcomes-2025-01-01-2025-12-31.csv.',
    );
    expect(click).toHaveBeenCalledTimes(1);
    const blob = (URL.createObjectURL as jest.Mock).mock.calls[0][0] as Blob;
    expect(blob.size).toBe(4000);
    const csvCall = fetchMock.mock.calls.find(([url]) => String(url).startsWith('/api/reports/outcomes.csv'));
    expect((csvCall?.[1] as RequestInit).credentials).toBe('same-origin');
  });

  test('says what went wrong when the download fails, and offers to try again', async () => {
    renderScreen(buildHeadlineOutcomeReport(), {
      '/api/reports/outcomes.csv': () => json(errorBody(403, 'Forbidden', 'No'), 403),
    });
    const user = userEvent.setup();
    await screen.findByTestId('kpi-referrals');

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));

    const error = await screen.findByTestId('csv-error');
    expect(error).toHaveTextContent('The CSV could not be downloaded');
    expect(error).toHaveTextContent('You do not have access to this.');
    expect(within(error).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(click).not.toHaveBeenCalled();
  });
});

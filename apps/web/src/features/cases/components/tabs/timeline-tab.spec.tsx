import type { TimelineEntry } from '@pathways/contracts';
import { screen, within } from '@testing-library/react';
import { buildCaseDetail } from '../../../../test/factories';
import { mockFetch, renderWithProviders } from '../../../../test/render';
import { TimelineTab } from './timeline-tab';

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  at: '2026-03-05T17:00:00.000Z',
  kind: 'CASE_STATUS',
  detail: null,
  entityId: null,
  actorId: null,
  actorName: null,
  ...overrides,
});

test('says when, who and what for each entry, newest first, with every code in words', async () => {
  const detail = buildCaseDetail();
  mockFetch((url) => {
    if (url.endsWith('/timeline'))
      return {
        status: 200,
        body: [
          entry({
            at: '2026-03-02T19:00:00.000Z',
            kind: 'REFERRAL_EVENT',
            detail: 'SUBMITTED',
            actorName: 'Officer Diaz',
          }),
          entry({
            at: '2026-03-10T17:00:00.000Z',
            kind: 'SERVICE',
            detail: 'IND_COUNSELING',
            actorName: 'Casey Counselor',
          }),
          entry({
            at: '2026-03-12T17:00:00.000Z',
            kind: 'NOTE',
            detail: 'CLINICAL',
            actorName: 'Casey Counselor',
          }),
          entry({ at: '2026-03-20T17:00:00.000Z', kind: 'NOTICE', detail: 'ENROLLED' }),
        ],
      };
    if (url.startsWith('/api/service-types'))
      return {
        status: 200,
        body: [
          { id: 's1', code: 'IND_COUNSELING', label: 'Individual counseling', labelEs: null, active: true },
        ],
      };
    return { status: 404 };
  });
  renderWithProviders(<TimelineTab detail={detail} />);

  const items = within(await screen.findByTestId('case-timeline')).getAllByRole('listitem');
  expect(items.map((item) => item.textContent)).toEqual([
    expect.stringMatching(/^Notice sent: Enrolled in the program.*Pathways$/),
    expect.stringMatching(/^Note: Clinical note.*Casey Counselor$/),
    expect.stringMatching(/^Service: (Individual counseling|IND_COUNSELING).*Casey Counselor$/),
    expect.stringMatching(/^Referral: Submitted.*Officer Diaz$/),
  ]);
  expect(await screen.findByText('Service: Individual counseling')).toBeInTheDocument();
});

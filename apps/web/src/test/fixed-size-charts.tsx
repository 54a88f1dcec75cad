import { cloneElement, type ReactElement } from 'react';

/**
 * jsdom lays nothing out, so recharts' ResponsiveContainer measures 0 × 0 and draws nothing. Specs that render
 * charts mock recharts with this: the same library, the container replaced by a fixed 640 × 320 size.
 *
 *   jest.mock('recharts', () => jest.requireActual('../../../test/fixed-size-charts').fixedSizeRecharts());
 */
export function fixedSizeRecharts(): object {
  const actual = jest.requireActual<object>('recharts');
  return {
    ...actual,
    ResponsiveContainer: ({ children }: { children: ReactElement<{ width?: number; height?: number }> }) =>
      cloneElement(children, { width: 640, height: 320 }),
  };
}

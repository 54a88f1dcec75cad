import {
  complementaryCells,
  isSmallCell,
  partitionSuppression,
  Suppressor,
  suppressedLabel,
} from './suppression';

const cells = (...counts: number[]) => counts.map((count, i) => ({ key: `k${i}`, count }));

describe('small cells', () => {
  it('hides 1 to 10 youth at the default threshold and shows 0 and 11', () => {
    expect([0, 1, 10, 11, 12].map((n) => isSmallCell(n, 11))).toEqual([false, true, true, false, false]);
  });
  it('follows a higher configured threshold', () => {
    expect(isSmallCell(15, 20)).toBe(true);
    expect(suppressedLabel(20)).toBe('<20');
    expect(suppressedLabel(11)).toBe('<11');
  });
});

describe('partition suppression', () => {
  it('hides nothing when every cell is 0 or at least 11', () => {
    expect([...partitionSuppression(cells(0, 11, 40), 11)]).toEqual([]);
  });
  it('hides a second cell when one small cell could be recovered from the total', () => {
    // 40 + 30 + 5 = 75: with the total shown, 5 = 75 − 40 − 30. The smallest other cell goes too.
    expect([...partitionSuppression(cells(40, 30, 5), 11)].sort()).toEqual(['k1', 'k2']);
  });
  it('prefers a non-zero complementary cell to a zero one', () => {
    expect([...partitionSuppression(cells(0, 3, 25, 40), 11)].sort()).toEqual(['k1', 'k2']);
  });
  it('uses a zero cell when it is the only other cell', () => {
    expect([...partitionSuppression(cells(4, 0), 11)].sort()).toEqual(['k0', 'k1']);
  });
  it('needs no complementary cell when two or more cells are already hidden', () => {
    expect([...partitionSuppression(cells(2, 3, 50), 11)].sort()).toEqual(['k0', 'k1']);
  });
  it('hides the single cell of a one-cell partition by the primary rule only', () => {
    expect([...partitionSuppression(cells(7), 11)]).toEqual(['k0']);
    expect([...partitionSuppression(cells(70), 11)]).toEqual([]);
  });
});

describe('Suppressor', () => {
  it('records the path of every hidden cell', () => {
    const s = new Suppressor(11, true);
    expect(s.count('volume.total', 9)).toBeNull();
    expect(s.count('volume.total2', 0)).toBe(0);
    expect(s.partition('volume.byPathway', cells(40, 30, 5))).toEqual([
      { key: 'k0', count: 40 },
      { key: 'k1', count: null },
      { key: 'k2', count: null },
    ]);
    expect(s.paths).toEqual(['volume.total', 'volume.byPathway.k1', 'volume.byPathway.k2']);
  });
  it('hides a rate whose numerator is small', () => {
    expect(new Suppressor(11, true).rate('r', 4, 50)).toEqual({
      numerator: null,
      denominator: 50,
      rate: null,
    });
  });
  it('hides a rate whose complement is small (45 of 50 would reveal 5)', () => {
    const s = new Suppressor(11, true);
    expect(s.rate('completion.rate', 45, 50)).toEqual({ numerator: null, denominator: 50, rate: null });
    expect(s.paths).toEqual(['completion.rate.numerator']);
  });
  it('hides the whole rate when the denominator is small', () => {
    expect(new Suppressor(11, true).rate('r', 0, 6)).toEqual({
      numerator: null,
      denominator: null,
      rate: null,
    });
  });
  it('shows a rate of 0 of 0 as unmeasurable, not suppressed', () => {
    const s = new Suppressor(11, true);
    expect(s.rate('r', 0, 0)).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(s.paths).toEqual([]);
  });
  it('shows a rate when the numerator and its complement are 0 or at least 11', () => {
    expect(new Suppressor(11, true).rate('r', 20, 50)).toEqual({ numerator: 20, denominator: 50, rate: 0.4 });
    expect(new Suppressor(11, true).rate('r', 50, 50)).toEqual({ numerator: 50, denominator: 50, rate: 1 });
  });
  it('shows exact counts when disabled (the provider supervisor)', () => {
    const s = new Suppressor(11, false);
    expect(s.count('t', 3)).toBe(3);
    expect(s.partition('p', cells(40, 5))).toEqual([
      { key: 'k0', count: 40 },
      { key: 'k1', count: 5 },
    ]);
    expect(s.rate('r', 4, 5)).toEqual({ numerator: 4, denominator: 5, rate: 0.8 });
    expect(s.paths).toEqual([]);
  });
});

describe('complementary cells of a partition hidden elsewhere', () => {
  it('hides the smallest other cell when exactly one cell is already hidden', () => {
    expect(
      complementaryCells([
        { key: 'a', count: 12, hidden: true },
        { key: 'b', count: 30, hidden: false },
        { key: 'c', count: 0, hidden: false },
        { key: 'd', count: 14, hidden: false },
      ]),
    ).toEqual(['d']);
  });
  it('adds nothing when none or several are hidden, or the partition has one cell', () => {
    expect(complementaryCells([{ key: 'a', count: 12, hidden: true }])).toEqual([]);
    expect(
      complementaryCells([
        { key: 'a', count: 12, hidden: false },
        { key: 'b', count: 30, hidden: false },
      ]),
    ).toEqual([]);
    expect(
      complementaryCells([
        { key: 'a', count: 2, hidden: true },
        { key: 'b', count: 3, hidden: true },
        { key: 'c', count: 30, hidden: false },
      ]),
    ).toEqual([]);
  });
});

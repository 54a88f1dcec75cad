import { Box, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A definition list laid out as a grid that wraps by itself: one column on a phone, more on wider screens. */
export function Facts({ children, minWidth = '12rem' }: { children: ReactNode; minWidth?: string }) {
  return (
    <Box
      component="dl"
      m={0}
      style={{
        display: 'grid',
        gridTemplateColumns: `repeat(auto-fit, minmax(min(100%, ${minWidth}), 1fr))`,
        gap: 'var(--mantine-spacing-sm)',
      }}
    >
      {children}
    </Box>
  );
}

/** One fact; nothing when there is nothing to say. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div style={{ minWidth: 0 }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Box component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </div>
  );
}

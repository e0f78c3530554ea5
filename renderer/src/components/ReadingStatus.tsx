import { Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A polite "Reading …" line with a small spinner, while something is read from main. */
export function ReadingStatus({ children }: { children: ReactNode }) {
  return (
    <Group gap="sm" role="status">
      <Loader size="sm" aria-hidden="true" />
      <Text>{children}</Text>
    </Group>
  );
}

import { Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ScreenHeading } from './ScreenHeading';

interface NotBuiltYetProps {
  heading: string;
  /** One sentence: what this screen will hold, in the clinic's words. */
  children: ReactNode;
}

/** An honest placeholder: says what the screen is for and that it does not exist yet. No sample data. */
export function NotBuiltYet({ heading, children }: NotBuiltYetProps) {
  return (
    <Stack gap="lg" maw={720} align="flex-start">
      <ScreenHeading>{heading}</ScreenHeading>
      <Paper withBorder radius="md" p="xl" w="100%" className="not-built-yet">
        <Text size="lg">{children}</Text>
        <Text mt="sm" c="dimmed">
          This screen is not built yet.
        </Text>
      </Paper>
    </Stack>
  );
}

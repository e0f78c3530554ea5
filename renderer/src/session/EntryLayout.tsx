import { Box, Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { AboutBox } from '../features/about/AboutBox';
import { useDialogFocusReturn } from '../shell/use-dialog-focus-return';
import { useUiStore } from '../store/ui-store';

/**
 * The frame around the screens shown before anyone is signed in (setup, sign-in, recovery, new password):
 * the product name, and the About box for a support call when nobody can sign in. No menu, no patient data.
 */
export function EntryLayout({ children, width = 560 }: { children: ReactNode; width?: number }) {
  useDialogFocusReturn();
  const openDialog = useUiStore((state) => state.openDialog);
  return (
    <>
      <Box component="header" className="entry-header" px="lg">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Text component="span" className="app-brand">
            CareDesk
          </Text>
          <Button variant="default" onClick={() => openDialog('about')}>
            About CareDesk
          </Button>
        </Group>
      </Box>
      <Box component="main" className="entry-main" px="lg">
        <Box maw={width} mx="auto">
          {children}
        </Box>
      </Box>
      <AboutBox />
    </>
  );
}

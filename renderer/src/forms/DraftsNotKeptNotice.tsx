import { Box } from '@mantine/core';
import { ActionNotice } from '../components/ActionNotice';
import { useSessionStore } from '../session/session-store';
import { useUiStore } from '../store/ui-store';
import { DRAFTS_NOT_KEPT_TITLE, draftsNotKeptMessage } from './drafts-not-kept';

/**
 * Above every screen, for the person who is back after a lock, until they dismiss it: which of their forms could not
 * be kept as drafts when the screen locked, and that they must type those changes again. Announced at once (alert).
 */
export function DraftsNotKeptNotice() {
  const formKeys = useSessionStore((state) => state.draftsNotKept);
  const dismissNotice = useSessionStore((state) => state.dismissDraftsNotKept);
  const focusScreenHeading = useUiStore((state) => state.focusScreenHeading);
  // The close button goes with the notice: keyboard focus moves to the screen's heading rather than get lost.
  const dismiss = () => {
    dismissNotice();
    focusScreenHeading();
  };
  if (!formKeys || formKeys.length === 0) return null;
  return (
    <Box mb="lg">
      <ActionNotice notice={{ tone: 'error', title: DRAFTS_NOT_KEPT_TITLE, message: draftsNotKeptMessage(formKeys), serial: 1 }} onClose={dismiss} />
    </Box>
  );
}

import { Alert, Button, Group, Text } from '@mantine/core';
import type { FormDraft } from './form-drafts';

interface DraftOfferProps {
  /** What useFormDraft returned for the form; nothing shows while it has no draft to offer. */
  draft: FormDraft;
  /** The clinic's time zone (settings:get), so the time reads as the clinic's clock; this computer's zone if left out. */
  timeZone?: string;
}

/**
 * "You have unsaved changes from 10:42 AM. Restore them?" above a form its owner left unsaved when the window locked
 * or someone else signed in. Polite (role=status): it does not interrupt, and focus stays where it is.
 */
export function DraftOffer({ draft, timeZone }: DraftOfferProps) {
  if (draft.offeredSavedAt === null) return null;
  return (
    <Alert color="clinic" variant="light" role="status" className="draft-offer" classNames={{ message: 'alert-message' }}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text>
          You have unsaved changes from {draftTime(draft.offeredSavedAt, timeZone)}. Restore them?
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-md" onClick={draft.restore}>
            Restore
          </Button>
          <Button size="compact-md" variant="default" onClick={() => void draft.discard()}>
            Discard
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}

/** "10:42 AM" when the draft is from today, "Mar 14, 10:42 AM" when it is older. */
export function draftTime(savedAt: number, timeZone?: string, now = Date.now()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = day.format(savedAt) === day.format(now);
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { timeZone, hour: 'numeric', minute: '2-digit' }
    : { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat('en-US', options).format(savedAt);
}

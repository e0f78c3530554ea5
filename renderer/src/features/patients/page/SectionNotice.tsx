import { Alert } from '@mantine/core';

/** "Rosa was added to the contacts.": what the last action in a section did, said where it happened (polite, not focused). */
export function SectionNotice({ text, onDismiss }: { text: string | null; onDismiss(): void }) {
  if (!text) return null;
  return (
    <Alert color="green" variant="light" role="status" mt="sm" withCloseButton closeButtonLabel="Dismiss this message" onClose={onDismiss} classNames={{ message: 'alert-message' }}>
      {text}
    </Alert>
  );
}

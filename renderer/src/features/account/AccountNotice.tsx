import { Alert } from '@mantine/core';

export interface Notice {
  tone: 'success' | 'error';
  message: string;
  /** Changes at each answer, so the same words are announced again. */
  attempt: number;
}

/** What the last save did: a failure is announced at once (alert), a success politely (status). */
export function AccountNotice({ notice, failureTitle }: { notice: Notice | null; failureTitle: string }) {
  if (!notice) return null;
  if (notice.tone === 'error') {
    return (
      <Alert key={notice.attempt} color="red" variant="light" title={failureTitle} role="alert" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        {notice.message}
      </Alert>
    );
  }
  return (
    <Alert key={notice.attempt} color="green" variant="light" role="status" classNames={{ message: 'alert-message' }}>
      {notice.message}
    </Alert>
  );
}

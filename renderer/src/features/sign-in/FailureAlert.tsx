import { Alert } from '@mantine/core';

export interface Failure {
  title: string;
  message: string;
  /** Changes at each failure, so the alert is re-announced even when the words are the same as last time. */
  attempt: number;
}

/** Why the last try did not work, announced at once (role=alert) in main's own words. */
export function FailureAlert({ failure }: { failure: Failure | null }) {
  if (!failure) return null;
  return (
    <Alert key={failure.attempt} color="red" variant="light" title={failure.title} role="alert" classNames={{ title: 'alert-title', message: 'alert-message' }}>
      {failure.message}
    </Alert>
  );
}

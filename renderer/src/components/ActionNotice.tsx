import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';
import './action-notice.css';

export interface Notice {
  tone: 'success' | 'error';
  title: string;
  message?: string;
  /** Changes with every notice, so the same words are announced (and focused) again. */
  serial: number;
  /** Take keyboard focus: the button that was pressed has gone or changed (a dialog closed, a row moved to another list). */
  focus?: boolean;
}

/** Next notice, numbered after the previous one. */
export function nextNotice(previous: Notice | null, notice: Omit<Notice, 'serial'>): Notice {
  return { ...notice, serial: (previous?.serial ?? 0) + 1 };
}

/** What the last action did, or why it did not work, in main's words. Successes are polite, failures assertive. */
export function ActionNotice({ notice, onClose }: { notice: Notice | null; onClose?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice?.focus) ref.current?.focus();
  }, [notice?.serial, notice?.focus]);
  if (!notice) return null;
  return (
    <Alert
      ref={ref}
      key={notice.serial}
      tabIndex={-1}
      color={notice.tone === 'success' ? 'green' : 'red'}
      variant="light"
      title={
        <span className="action-notice-title" data-tone={notice.tone}>
          {notice.title}
        </span>
      }
      role={notice.tone === 'success' ? 'status' : 'alert'}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel="Dismiss this message"
      classNames={{ root: 'action-notice', message: 'alert-message' }}
    >
      {notice.message}
    </Alert>
  );
}

import { Alert } from '@mantine/core';
import { useEffect, useRef } from 'react';

export interface VisitNoticeValue {
  tone: 'success' | 'error';
  title: string;
  message?: string;
  /** Changes with every notice, so the same words are announced (and focused) again. */
  serial: number;
  /** Take keyboard focus: the button that was pressed has gone (its row moved to another list). */
  focus?: boolean;
}

export function nextVisitNotice(previous: VisitNoticeValue | null, notice: Omit<VisitNoticeValue, 'serial'>): VisitNoticeValue {
  return { ...notice, serial: (previous?.serial ?? 0) + 1 };
}

/** What the last action did, or why it did not work. Successes are polite, failures assertive. */
export function VisitNotice({ notice, onClose }: { notice: VisitNoticeValue | null; onClose?: () => void }) {
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
        <span className="visit-notice-title" data-tone={notice.tone}>
          {notice.title}
        </span>
      }
      role={notice.tone === 'success' ? 'status' : 'alert'}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      closeButtonLabel="Dismiss this message"
      classNames={{ root: 'visit-notice', message: 'alert-message' }}
    >
      {notice.message}
    </Alert>
  );
}

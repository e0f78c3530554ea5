import { Alert, Box, Button, Group, Loader } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ReadingStatus } from '../../../components/ReadingStatus';
import type { BookQuery } from '../use-book-query';

interface ReadStateProps<T> {
  query: BookQuery<T>;
  /** What is read, with its article: "the day", "the week", "the month", "the day sheet", "the book". */
  what: string;
  /** Ask main again: the failure's "Try again". */
  onRetry(): void;
  /** The view, once there is an answer; `busy` while the next one is read (the view marks itself `aria-busy`). */
  children(value: T, busy: boolean): ReactNode;
}

/**
 * One way for every view of the book to say it is reading, that it could not read, and to try again:
 * "Reading the day…" (role=status) until the first answer; "The day could not be read" (role=alert) with main's words
 * and "Try again"; and when an answer is already drawn, "The day could not be read again" above it.
 *
 * Focus: "Try again" stays on screen and keeps focus while main is asked again (it says "Trying again…" and ignores
 * more presses, `aria-disabled` rather than `disabled`, which would drop focus on the page). If it fails again the new
 * words are announced and focus stays on the button; once the view is drawn, focus moves to its first stop (the grid's
 * cursor, the month's day, the list's first patient), unless the person has already moved it elsewhere.
 */
export function ReadState<T>({ query, what, onRetry, children }: ReadStateProps<T>) {
  // The failed answer "Try again" was pressed on; retrying until a different answer (not a loading one) arrives.
  const [pending, setPending] = useState<BookQuery<T> | null>(null);
  const retrying = pending !== null && (query === pending || query.kind === 'loading');
  const focusWhenDrawn = useRef(false);
  const bodyRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (pending !== null && !retrying) setPending(null);
  }, [pending, retrying]);

  useLayoutEffect(() => {
    if (!focusWhenDrawn.current || retrying) return;
    focusWhenDrawn.current = false;
    // Failed again: the button is still there and still has focus.
    if (query.kind !== 'ready') return;
    const active = document.activeElement;
    if (active === null || active === document.body) focusFirstStop(bodyRef.current);
  });

  const What = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
  const value = query.value;
  const failed = query.kind === 'failed' || retrying;

  const problem = failed && (
    <Alert
      color="red"
      variant="light"
      role="alert"
      className="no-print read-state-problem"
      title={value === null ? `${What} could not be read` : `${What} could not be read again`}
      classNames={{ title: 'alert-title', message: 'alert-message' }}
    >
      {retrying ? 'Trying again…' : `${query.kind === 'failed' ? query.message : ''}${value === null ? '' : ' What is shown below may be out of date.'}`}
      <Group mt="sm">
        <Button
          aria-disabled={retrying || undefined}
          leftSection={retrying ? <Loader size={14} color="currentColor" aria-hidden="true" /> : undefined}
          onClick={() => {
            if (retrying) return;
            focusWhenDrawn.current = true;
            setPending(query);
            onRetry();
          }}
        >
          Try again
        </Button>
      </Group>
    </Alert>
  );

  if (value === null) {
    if (failed) return problem;
    return (
      <Box p="md">
        <ReadingStatus>Reading {what}…</ReadingStatus>
      </Box>
    );
  }
  return (
    <>
      {problem}
      <div className="read-state-body" ref={bodyRef}>
        {children(value, query.kind === 'loading')}
      </div>
    </>
  );
}

const STOPS = 'a[href], button, input, select, textarea, [tabindex]';

/** Focuses the first element Tab would reach inside `root`; failing that, its first element (made focusable for it). */
function focusFirstStop(root: HTMLElement | null): void {
  if (!root) return;
  const stop = Array.from(root.querySelectorAll<HTMLElement>(STOPS)).find((el) => el.tabIndex >= 0 && !el.matches(':disabled, [type="hidden"]'));
  if (stop) {
    stop.focus();
    return;
  }
  const first = root.firstElementChild;
  if (first instanceof HTMLElement) {
    first.tabIndex = -1;
    first.focus();
  }
}

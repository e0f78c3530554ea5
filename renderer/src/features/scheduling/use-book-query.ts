import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Result } from '../../../../shared/result';

/** What a view knows about its data: the last answer stays on screen while the next one is read. */
export type BookQuery<T> =
  | { kind: 'loading'; value: T | null }
  | { kind: 'ready'; value: T }
  | { kind: 'failed'; message: string; value: T | null };

/**
 * A book query, whether the answer on screen is of another view (the previous date while the next is read), and how to
 * ask again for the same thing (the "Try again" of a failure).
 */
export type BookRead<T> = BookQuery<T> & { stale: boolean; retry(): void };

/**
 * Reads the book for a view (a date, a provider and a date, a month...) and again whenever the view or the book's
 * revision changes, or `retry` is called. An answer that arrives after a newer question is dropped, so quickly pressing
 * "next day" never shows the wrong day. While the next answer is on its way the previous one stays drawn (no flash of
 * an empty book). When the read fails, the previous answer stays only if it is of the same view (an older revision,
 * shown as possibly out of date): Monday's appointments are never left under Tuesday's title.
 */
export function useBookQuery<T>(view: string | null, revision: number, load: () => Promise<Result<T>>): BookRead<T> {
  const [state, setState] = useState<{ query: BookQuery<T>; view: string | null }>({ query: { kind: 'loading', value: null }, view: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (view === null) return;
    const ticket = ++latest.current;
    setState((previous) => ({ query: { kind: 'loading', value: previous.query.value }, view: previous.view }));
    void loadRef.current().then((result) => {
      if (ticket !== latest.current) return;
      startTransition(() => {
        if (result.ok) setState({ query: { kind: 'ready', value: result.value }, view });
        else
          setState((previous) => {
            const same = previous.view === view;
            return { query: { kind: 'failed', message: result.error.message, value: same ? previous.query.value : null }, view: same ? view : null };
          });
      });
    });
  }, [view, revision, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // One object per answer, so a view (and ReadState) can tell "the same answer" from "a new one".
  const stale = state.query.value !== null && state.view !== view;
  return useMemo(() => ({ ...state.query, stale, retry }), [state.query, stale, retry]);
}

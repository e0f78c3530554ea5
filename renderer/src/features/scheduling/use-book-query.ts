import { startTransition, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../../shared/result';

/** What a view knows about its data: the last answer stays on screen while the next one is read. */
export type BookQuery<T> =
  | { kind: 'loading'; value: T | null }
  | { kind: 'ready'; value: T }
  | { kind: 'failed'; message: string; value: T | null };

/**
 * Reads the book for a key (a date, a provider and a date, a month...) and again whenever the key changes. An answer
 * that arrives after a newer question is dropped, so quickly pressing "next day" never shows the wrong day. While the
 * next answer is on its way the previous one stays drawn (no flash of an empty book).
 */
export function useBookQuery<T>(key: string | null, load: () => Promise<Result<T>>): BookQuery<T> {
  const [state, setState] = useState<BookQuery<T>>({ kind: 'loading', value: null });
  const latest = useRef(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    setState((previous) => ({ kind: 'loading', value: previous.value }));
    void loadRef.current().then((result) => {
      if (ticket !== latest.current) return;
      startTransition(() => {
        if (result.ok) setState({ kind: 'ready', value: result.value });
        else setState((previous) => ({ kind: 'failed', message: result.error.message, value: previous.value }));
      });
    });
  }, [key]);

  return state;
}

import { startTransition, useEffect, useRef, useState } from 'react';
import type { PatientSearchResult } from '../../../../../shared/contract/patients';
import { patientsCall } from '../patients-api';

export const SEARCH_DEBOUNCE_MS = 120;
const RESULT_LIMIT = 20;

/** The answer for one query; `query` is what was asked, so an empty list is only called "no match" for that query. */
export type SearchAnswer =
  | { kind: 'idle' }
  | { kind: 'results'; query: string; results: PatientSearchResult[] }
  | { kind: 'failed'; query: string; message: string };

/**
 * Searches as the person types: waits ~120 ms after the last key, asks main, and drops any answer that arrives after
 * a newer question (a slow answer for "smi" never replaces the one for "smith"). The answer is applied in a
 * transition, so typing always wins over re-drawing the list.
 */
export function usePatientSearch(query: string, options: { excludeId?: string } = {}): { answer: SearchAnswer; pending: boolean } {
  const [answer, setAnswer] = useState<SearchAnswer>({ kind: 'idle' });
  const [pending, setPending] = useState(false);
  const latest = useRef(0);
  const excludeId = options.excludeId;

  useEffect(() => {
    const asked = query.trim();
    const ticket = ++latest.current;
    if (asked.length === 0) {
      setPending(false);
      startTransition(() => setAnswer({ kind: 'idle' }));
      return;
    }
    setPending(true);
    const timer = window.setTimeout(() => {
      void patientsCall((api) => api.search({ query: asked, limit: RESULT_LIMIT })).then((result) => {
        if (ticket !== latest.current) return; // a newer question is on its way
        startTransition(() => {
          setPending(false);
          if (!result.ok) setAnswer({ kind: 'failed', query: asked, message: result.error.message });
          else setAnswer({ kind: 'results', query: asked, results: excludeId ? result.value.results.filter((r) => r.id !== excludeId) : result.value.results });
        });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, excludeId]);

  return { answer, pending };
}

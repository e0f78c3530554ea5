import { useEffect, useState } from 'react';
import type { AppStatus } from '../../../../shared/contract/app';
import { clinicApi } from '../../api/clinic';

export type AppStatusState = { kind: 'loading' } | { kind: 'loaded'; status: AppStatus } | { kind: 'failed'; message: string };

const UNREACHABLE =
  'CareDesk could not read its status just now. Close this box and open it again; if this keeps happening, restart CareDesk.';

/** Reads app:status once per mount (the About box mounts each time it opens, so the size is current). */
export function useAppStatus(): AppStatusState {
  const [state, setState] = useState<AppStatusState>({ kind: 'loading' });
  useEffect(() => {
    let current = true; // ignore an answer that arrives after the box was closed
    async function load() {
      try {
        const result = await clinicApi().app.status();
        if (!current) return;
        setState(result.ok ? { kind: 'loaded', status: result.value } : { kind: 'failed', message: result.error.message });
      } catch {
        if (current) setState({ kind: 'failed', message: UNREACHABLE });
      }
    }
    void load();
    return () => {
      current = false;
    };
  }, []);
  return state;
}

import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../../../shared/contract/backup';
import { callClinic } from '../../../api/clinic';

const POLL_MS = 400;

/**
 * backup:status, read when the tab opens and then every 400 ms while a backup or restore runs (ours or the daily
 * one), so the progress bar moves. Errors while polling are ignored: during a restore main's database is closed.
 */
export function useBackupStatus() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [watching, setWatching] = useState(false);

  const refresh = useCallback(async (options: { quiet?: boolean } = {}) => {
    const result = await callClinic((api) => api.backup.status());
    if (result.ok) {
      setStatus(result.value);
      setProblem(null);
    } else if (!options.quiet) {
      setProblem(result.error.message);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const running = status?.running !== null && status?.running !== undefined;
  useEffect(() => {
    if (!watching && !running) return;
    const timer = window.setInterval(() => void refresh({ quiet: true }), POLL_MS);
    return () => window.clearInterval(timer);
  }, [watching, running, refresh]);

  return { status, problem, refresh, setWatching };
}

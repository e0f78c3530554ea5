import './series.css';
import { useEffect, useState } from 'react';
import type { AppointmentView } from '../../../../../../shared/contract/scheduling';
import { schedulingCall } from '../../schedule-api';

export type SeriesVisits = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; visits: AppointmentView[] };

/** Every visit of an appointment's series (cancelled and past ones too), in series order (for the scope question's dates). */
export function useSeriesVisits(appointment: Pick<AppointmentView, 'id' | 'patientId' | 'seriesId'>): SeriesVisits | null {
  const { patientId, seriesId } = appointment;
  const [state, setState] = useState<SeriesVisits | null>(seriesId === null ? null : { kind: 'loading' });
  useEffect(() => {
    if (seriesId === null) return;
    let stale = false;
    void schedulingCall((api) => api.patientAppointments({ patientId })).then((result) => {
      if (stale) return;
      if (!result.ok) {
        setState({ kind: 'failed', message: result.error.message });
        return;
      }
      const all = [...result.value.upcoming, ...result.value.past];
      setState({ kind: 'ready', visits: all.filter((a) => a.seriesId === seriesId).sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0)) });
    });
    return () => {
      stale = true;
    };
  }, [patientId, seriesId]);
  return state;
}

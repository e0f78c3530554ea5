import './series.css';
import { useEffect, useState } from 'react';
import type { AppointmentView } from '../../../../../../shared/contract/scheduling';
import { createResettableStore } from '../../../../store/reset-registry';
import { schedulingCall } from '../../schedule-api';
import { inferSeriesKind, type SeriesKind } from './recurrence';

/**
 * What kind of series each series id is ("weekly", "every 2 weeks", "monthly"), for the book's words ("… part of a
 * weekly series"). The appointment view names the series but not its rule, so the rule is known exactly for a series
 * booked at this desk, and otherwise read back once from the patient's visits (scheduling:patientAppointments).
 * Reset at sign-out with every store.
 */
interface SeriesKindsState {
  /** seriesId → its rule; null when it could not be told (a series of one visit left, say). */
  kinds: Record<string, SeriesKind>;
}

export const useSeriesKinds = createResettableStore<SeriesKindsState>(() => ({ kinds: {} }));

/** Patients whose visits are being read right now (so a redraw does not ask twice). */
const reading = new Set<string>();

export function rememberSeries(seriesId: string, kind: SeriesKind): void {
  useSeriesKinds.setState((state) => ({ kinds: { ...state.kinds, [seriesId]: kind } }));
}

/** Learns the kind of every series among one patient's appointments (all of them: upcoming, past, cancelled). */
export function learnFromVisits(visits: readonly AppointmentView[]): void {
  const bySeries = new Map<string, AppointmentView[]>();
  for (const visit of visits) {
    if (visit.seriesId === null) continue;
    const list = bySeries.get(visit.seriesId) ?? [];
    list.push(visit);
    bySeries.set(visit.seriesId, list);
  }
  if (bySeries.size === 0) return;
  const known = useSeriesKinds.getState().kinds;
  const learned: Record<string, SeriesKind> = {};
  for (const [id, list] of bySeries) {
    // A rule remembered from the booking is exact; keep it.
    if (known[id]) continue;
    learned[id] = inferSeriesKind(list);
  }
  if (Object.keys(learned).length > 0) useSeriesKinds.setState((state) => ({ kinds: { ...state.kinds, ...learned } }));
}

/** The kind of an appointment's series: undefined while not known yet (or not a series). */
export function useSeriesKind(seriesId: string | null): SeriesKind | undefined {
  return useSeriesKinds((state) => (seriesId === null ? undefined : state.kinds[seriesId]));
}

/**
 * Reads, once per patient, the series among the appointments on screen whose kind the book does not know yet.
 * `appointments` should keep its identity between redraws (memoized on the book's answer).
 */
export function useLearnSeries(appointments: readonly AppointmentView[] | null): void {
  useEffect(() => {
    if (!appointments) return;
    const kinds = useSeriesKinds.getState().kinds;
    const unknown = appointments.filter((a) => a.seriesId !== null && !(a.seriesId in kinds));
    const patients = [...new Set(unknown.map((a) => a.patientId))].filter((id) => !reading.has(id));
    if (patients.length === 0) return;
    void (async () => {
      for (const patientId of patients) {
        reading.add(patientId);
        try {
          const result = await schedulingCall((api) => api.patientAppointments({ patientId }));
          if (result.ok) learnFromVisits([...result.value.upcoming, ...result.value.past]);
          // Said as "repeating series" rather than asked again on every redraw.
          const ids = unknown.filter((a) => a.patientId === patientId).map((a) => a.seriesId as string);
          useSeriesKinds.setState((state) => ({ kinds: { ...state.kinds, ...Object.fromEntries(ids.filter((id) => !(id in state.kinds)).map((id) => [id, null])) } }));
        } finally {
          reading.delete(patientId);
        }
      }
    })();
  }, [appointments]);
}

export type SeriesVisits = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; visits: AppointmentView[] };

/** Every visit of an appointment's series (cancelled and past ones too), in series order; learns the series' kind too. */
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
      learnFromVisits(all);
      setState({ kind: 'ready', visits: all.filter((a) => a.seriesId === seriesId).sort((a, b) => (a.seriesIndex ?? 0) - (b.seriesIndex ?? 0)) });
    });
    return () => {
      stale = true;
    };
  }, [patientId, seriesId]);
  return state;
}

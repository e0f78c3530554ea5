import './series.css';
import { useEffect, useState } from 'react';
import type { AppointmentView } from '../../../../../../shared/contract/scheduling';
import { createResettableStore } from '../../../../store/reset-registry';
import { schedulingCall } from '../../schedule-api';
import type { SeriesKind } from './recurrence';

/**
 * What kind of series each series id is ("weekly", "every 2 weeks", "monthly"), for the book's words ("… part of a
 * weekly series") where only the series id is at hand. Every appointment view carries its series' rule, so the kinds
 * are learned from the views the book shows (and from a series booked at this desk). Reset at sign-out with every store.
 */
interface SeriesKindsState {
  /** seriesId → its rule; null when main could not tell it. */
  kinds: Record<string, SeriesKind>;
}

export const useSeriesKinds = createResettableStore<SeriesKindsState>(() => ({ kinds: {} }));

export function rememberSeries(seriesId: string, kind: SeriesKind): void {
  useSeriesKinds.setState((state) => ({ kinds: { ...state.kinds, [seriesId]: kind } }));
}

/** Learns the kind of every series among these appointments from the rule their views carry. */
export function learnFromVisits(visits: readonly AppointmentView[]): void {
  const known = useSeriesKinds.getState().kinds;
  const learned: Record<string, SeriesKind> = {};
  for (const visit of visits) {
    if (visit.seriesId === null || visit.seriesId in learned) continue;
    const kind = visit.series?.recurrence ?? null;
    if (!sameRule(known[visit.seriesId], kind)) learned[visit.seriesId] = kind;
  }
  if (Object.keys(learned).length > 0) useSeriesKinds.setState((state) => ({ kinds: { ...state.kinds, ...learned } }));
}

/** Whether a known kind is this one (views arrive as new objects each time, so compare what they say). */
function sameRule(known: SeriesKind | undefined, kind: SeriesKind): boolean {
  return known !== undefined && JSON.stringify(known) === JSON.stringify(kind);
}

/** The kind of an appointment's series: undefined while not known yet (or not a series). */
export function useSeriesKind(seriesId: string | null): SeriesKind | undefined {
  return useSeriesKinds((state) => (seriesId === null ? undefined : state.kinds[seriesId]));
}

/**
 * Learns the kinds of the series among the appointments on screen (no call to main: the views carry the rule).
 * `appointments` should keep its identity between redraws (memoized on the book's answer).
 */
export function useLearnSeries(appointments: readonly AppointmentView[] | null): void {
  useEffect(() => {
    if (appointments) learnFromVisits(appointments);
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

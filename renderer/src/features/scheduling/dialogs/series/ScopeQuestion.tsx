import './series.css';
import { Radio, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { AppointmentView } from '../../../../../../shared/contract/scheduling';
import { scopeTargets } from '../../../../../../shared/scheduling/recurrence';
import { SERIES_SCOPES, type SeriesScope } from '../../../../../../shared/scheduling/schemas';
import { seriesKindWords, visitDate } from './recurrence';
import type { SeriesVisits } from './series-visits';

/** "Tue, Oct 29, 2030" / "2 visits: Tue, Oct 29, 2030; Tue, Nov 5, 2030" / "12 visits, Tue, Oct 1, 2030 to …". */
function visitsWords(visits: readonly AppointmentView[]): string {
  if (visits.length === 1) return `Only ${visitDate(visits[0]?.date ?? '')}`;
  if (visits.length <= 5) return `${visits.length} visits: ${visits.map((v) => visitDate(v.date)).join('; ')}`;
  return `${visits.length} visits, ${visitDate(visits[0]?.date ?? '')} to ${visitDate(visits[visits.length - 1]?.date ?? '')}`;
}

export const SCOPE_LABELS: Readonly<Record<SeriesScope, string>> = {
  this: 'This visit only',
  following: 'This and following',
  all: 'All visits in the series',
};

interface ScopeQuestionProps {
  appointment: AppointmentView;
  visits: SeriesVisits | null;
  value: SeriesScope;
  onChange(scope: SeriesScope): void;
  /** "move" / "cancel". */
  verb: string;
  /** Shown in place of the details: the question takes focus (its chosen answer). */
  takeFocus?: boolean;
}

/**
 * For a visit of a series, before a move or a cancellation: "This visit only / This and following / All visits in the
 * series", each answer saying which dates it takes, and which visits stay whatever the answer.
 */
export function ScopeQuestion({ appointment, visits, value, onChange, verb, takeFocus = false }: ScopeQuestionProps) {
  const firstRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (takeFocus) firstRef.current?.focus();
  }, [takeFocus]);
  const now = Date.now();
  const ready = visits?.kind === 'ready' ? visits.visits : null;
  // The visits each answer takes, by the rule main applies (shared/scheduling/recurrence.ts).
  const targets = (scope: SeriesScope) => (ready ? scopeTargets(appointment, ready, scope, now) : null);
  const all = targets('all');
  const staying = ready && all ? ready.filter((v) => !all.some((t) => t.id === v.id)) : [];
  const describe = (scope: SeriesScope) => {
    const list = targets(scope);
    if (list) return visitsWords(list);
    return visits?.kind === 'failed' ? undefined : 'Reading the series…';
  };

  return (
    <Stack gap={6} className="series-scope">
      <Radio.Group
        label={`Part of a ${seriesKindWords(appointment.series?.recurrence)}: which visits do you want to ${verb}?`}
        value={value}
        onChange={(next) => onChange(SERIES_SCOPES.includes(next as SeriesScope) ? (next as SeriesScope) : 'this')}
      >
        <Stack gap="sm" mt={8}>
          {SERIES_SCOPES.map((scope, index) => (
            <Radio
              key={scope}
              ref={index === 0 ? firstRef : undefined}
              value={scope}
              label={SCOPE_LABELS[scope]}
              description={<span className="series-scope-visits">{describe(scope)}</span>}
            />
          ))}
        </Stack>
      </Radio.Group>
      {staying.length > 0 && value !== 'this' && (
        <Text size="sm">
          Stay as they are (already past, cancelled, or changed on their own):{' '}
          {staying.length <= 5 ? staying.map((v) => visitDate(v.date)).join('; ') : `${staying.length} visits`}.
        </Text>
      )}
      {visits?.kind === 'failed' && <Text size="sm">The other visits of the series could not be read ({visits.message}); main still changes the right ones.</Text>}
    </Stack>
  );
}

/** How many visits a scope takes, when known (for the button: "Cancel 3 visits"). */
export function scopeCount(appointment: AppointmentView, visits: SeriesVisits | null, scope: SeriesScope): number | null {
  if (scope === 'this') return 1;
  if (visits?.kind !== 'ready') return null;
  return scopeTargets(appointment, visits.visits, scope, Date.now()).length;
}

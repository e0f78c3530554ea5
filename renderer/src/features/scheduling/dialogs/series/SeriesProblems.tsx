import './series.css';
import { Alert, Button, Checkbox, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { RuleProblem } from '../../../../../../shared/contract/scheduling';
import { shortDate } from '../../../../../../shared/scheduling/time';
import { RuleDecisions, type DecisionValues } from '../RuleProblems';
import { visitDate } from './recurrence';

interface SeriesProblemsProps<T extends DecisionValues> {
  problems: readonly RuleProblem[];
  form: UseFormReturn<T, unknown, T>;
  /** How many visits the series had when it was sent. */
  visitCount: number;
  skipped: readonly string[];
  onLeaveOut(dates: readonly string[], leaveOut: boolean): void;
}

/** main's problems for a series, one group per date in date order, the messages without their "Tue, Apr 7: " prefix. */
export function groupByDate(problems: readonly RuleProblem[]): { date: string; messages: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const problem of problems) {
    const prefix = `${shortDate(problem.date)}: `;
    const message = problem.message.startsWith(prefix) ? problem.message.slice(prefix.length) : problem.message;
    groups.set(problem.date, [...(groups.get(problem.date) ?? []), message]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, messages]) => ({ date, messages }));
}

/**
 * Everything main found in the way of a series, before anything was saved: grouped by date, said plainly. Under it
 * the ways on that the contract allows: leave a date out (skipDates), and for the dates kept the choices main allows
 * this person (overbook or book outside the hours with a reason, acknowledge the patient's other visit). Changing the
 * time, provider or room for the whole series and booking again is the other way.
 */
export function SeriesProblems<T extends DecisionValues>({ problems, form, visitCount, skipped, onLeaveOut }: SeriesProblemsProps<T>) {
  const headingId = useId();
  if (problems.length === 0) return null;
  const groups = groupByDate(problems);
  const dates = groups.map((g) => g.date);
  const kept = problems.filter((p) => !skipped.includes(p.date));
  const keptDates = dates.filter((d) => !skipped.includes(d));
  const stuck = kept.filter((p) => p.resolution === 'none' || !p.allowed);
  const stuckDates = [...new Set(stuck.map((p) => p.date))];
  const datesWord = dates.length === 1 ? '1 date' : `${dates.length} dates`;

  return (
    <Stack gap="sm">
      <Alert color="red" variant="light" role="alert" title="Not booked yet" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        <Text size="sm" mb="xs">
          Nothing was saved. {dates.length} of the {visitCount} dates {dates.length === 1 ? 'has' : 'have'} a problem:
        </Text>
        <div className="series-problems">
          {groups.map((group) => (
            <div key={group.date} className="series-problem-date">
              <Title order={3} size="h5" className="series-problem-heading">
                {visitDate(group.date)}
              </Title>
              <ul className="rule-problems">
                {group.messages.map((message, index) => (
                  <li key={`${group.date}-${index}`}>{message}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </Alert>
      <section className="series-ways" aria-labelledby={headingId}>
        <Title order={3} size="h5" id={headingId}>
          How to go on
        </Title>
        <Stack gap="xs" mt={6}>
          {dates.map((date) => (
            <Checkbox key={date} size="md" label={`Leave out ${visitDate(date)}`} checked={skipped.includes(date)} onChange={(event) => onLeaveOut([date], event.currentTarget.checked)} />
          ))}
          {dates.length > 1 && keptDates.length > 1 && (
            <div>
              <Button variant="default" size="compact-md" onClick={() => onLeaveOut(dates, true)}>
                Leave out all {dates.length} dates with problems
              </Button>
            </div>
          )}
          <RuleDecisions problems={kept} form={form} series />
          <Text size="sm">
            {keptDates.length === 0
              ? `The ${datesWord} with problems ${dates.length === 1 ? 'is' : 'are'} left out: book the other visits, or change the time for the whole series.`
              : stuckDates.length > 0
                ? `${stuckDates.map(visitDate).join('; ')} can only be left out, or the time, provider or room changed for the whole series.`
                : 'Or change the time, provider or room for the whole series and book again.'}
          </Text>
        </Stack>
      </section>
    </Stack>
  );
}

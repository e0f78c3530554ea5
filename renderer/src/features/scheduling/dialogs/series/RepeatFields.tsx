import './series.css';
import { Button, Checkbox, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { monthWeeksOf, monthWeekWords } from '../../../../../../shared/scheduling/recurrence';
import { MAX_SERIES_OCCURRENCES } from '../../../../../../shared/scheduling/schemas';
import { isCalendarDate, isoWeekday, weekdayName } from '../../../../../../shared/scheduling/time';
import { seriesSummary, visitDate } from './recurrence';
import { planSeries, type BookingFormValues, type SeriesPlan } from './repeat-form';

/** Dates shown before "Show all": two rows of the list at the dialog's width. */
const FIRST_DATES = 12;

interface RepeatFieldsProps {
  form: UseFormReturn<BookingFormValues, unknown, BookingFormValues>;
  plan: SeriesPlan | null;
  /** "9:00", or null while the time box does not hold a time. */
  timeLabel: string | null;
  skipped: readonly string[];
  onSkippedChange(skipped: string[]): void;
  /** Dates main reported problems for (marked in the list). */
  problemDates: ReadonlySet<string>;
  summaryId: string;
  /** The Repeat choice changed: problems found for the series as it was no longer apply. */
  onKindChange?(): void;
}

/**
 * "Repeat": does not repeat, every week, every n weeks, or monthly on the same weekday ("the 2nd Tuesday"); ending
 * after a number of visits (2–104, the contract's cap) or on a date; the visits listed so any can be left out; and a
 * line that says the series back ("Every 2 weeks on Tuesday at 9:00, 6 visits, until Apr 14, 2026").
 */
export function RepeatFields({ form, plan, timeLabel, skipped, onSkippedChange, problemDates, summaryId, onKindChange }: RepeatFieldsProps) {
  const { errors } = form.formState;
  const date = form.watch('start.date');
  const kind = form.watch('repeat.kind');
  const ends = form.watch('repeat.ends');
  const validDate = typeof date === 'string' && isCalendarDate(date);
  const weekday = validDate ? weekdayName(isoWeekday(date)) : null;
  const monthWeeks = validDate ? monthWeeksOf(date) : [];
  const repeating = kind !== 'none';
  const on = weekday ? ` on ${weekday}` : '';

  const kindOptions = [
    { value: 'none', label: 'Does not repeat' },
    { value: 'weekly', label: `Every week${on}` },
    { value: 'weeks', label: `Every few weeks${on}` },
    {
      value: 'monthly',
      label: validDate && weekday ? `Monthly on the ${monthWeeks.length > 1 ? `${monthWeekWords(monthWeeks[0] ?? 4, isoWeekday(date))} (or last)` : monthWeekWords(monthWeeks[0] ?? 'last', isoWeekday(date))}` : 'Monthly on the same weekday',
    },
  ];

  const kindField = form.register('repeat.kind', {
    onChange: () => {
      form.clearErrors(['repeat.everyWeeks', 'repeat.count', 'repeat.until', 'repeat.monthWeek']);
      onKindChange?.();
    },
  });
  // The summary describes the Repeat box, so it is heard there. Mantine's inputs only describe themselves from their own
  // wrapper, so the link is set on the element after each render (as the hours editor does).
  const kindRef = useRef<HTMLSelectElement | null>(null);
  useEffect(() => {
    const element = kindRef.current;
    if (!element) return;
    if (repeating) element.setAttribute('aria-describedby', summaryId);
    else element.removeAttribute('aria-describedby');
  });

  function chooseEnds(next: 'count' | 'until') {
    form.setValue('repeat.ends', next);
    form.clearErrors(['repeat.count', 'repeat.until']);
    if (next === 'until' && !form.getValues('repeat.until') && validDate) {
      // Start from where the visits would end now, so the desk only moves it.
      const counted = planSeries({ ...form.getValues('repeat'), ends: 'count' }, date);
      const last = counted?.dates.ok ? counted.dates.dates[counted.dates.dates.length - 1] : undefined;
      if (last) form.setValue('repeat.until', last);
    }
  }

  return (
    <Stack gap="sm" className="series-repeat">
      <SimpleGrid cols={2} spacing="md">
        <NativeSelect
          {...kindField}
          ref={(element) => {
            kindField.ref(element);
            kindRef.current = element;
          }}
          label="Repeat"
          data={kindOptions}
        />
        {kind === 'weeks' && (
          <TextInput
            {...form.register('repeat.everyWeeks', { valueAsNumber: true })}
            type="number"
            min={1}
            max={12}
            label="Every how many weeks?"
            description="1 to 12 weeks"
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            error={errors.repeat?.everyWeeks?.message}
            withAsterisk
          />
        )}
        {kind === 'monthly' && monthWeeks.length > 1 && weekday && (
          <NativeSelect
            {...form.register('repeat.monthWeek')}
            label={`Which ${weekday} of the month?`}
            data={[
              { value: 'nth', label: `The ${monthWeekWords(monthWeeks[0] ?? 4, isoWeekday(date))}` },
              { value: 'last', label: `The last ${weekday}` },
            ]}
            error={errors.repeat?.monthWeek?.message}
          />
        )}
      </SimpleGrid>
      {repeating && (
        <SimpleGrid cols={2} spacing="md">
          <Controller
            control={form.control}
            name="repeat.ends"
            render={({ field }) => (
              <Radio.Group label="Ends" value={field.value} onChange={(value) => chooseEnds(value === 'until' ? 'until' : 'count')}>
                <Group gap="lg" mt={8}>
                  <Radio value="count" label="After a number of visits" />
                  <Radio value="until" label="On a date" />
                </Group>
              </Radio.Group>
            )}
          />
          {ends === 'until' ? (
            <TextInput {...form.register('repeat.until')} type="date" label="Last date" min={validDate ? date : undefined} error={errors.repeat?.until?.message} withAsterisk />
          ) : (
            <TextInput
              {...form.register('repeat.count', { valueAsNumber: true })}
              type="number"
              min={2}
              max={MAX_SERIES_OCCURRENCES}
              label="Number of visits"
              description={`2 to ${MAX_SERIES_OCCURRENCES}, this one included`}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              error={errors.repeat?.count?.message}
              withAsterisk
            />
          )}
        </SimpleGrid>
      )}
      {repeating && <SeriesSummaryLine id={summaryId} plan={plan} date={validDate ? date : null} timeLabel={timeLabel} skipped={skipped} />}
      {repeating && plan?.dates.ok && <VisitDates dates={plan.dates.dates} skipped={skipped} onSkippedChange={onSkippedChange} problemDates={problemDates} />}
    </Stack>
  );
}

function SeriesSummaryLine({ id, plan, date, timeLabel, skipped }: { id: string; plan: SeriesPlan | null; date: string | null; timeLabel: string | null; skipped: readonly string[] }) {
  let text: string;
  if (!plan || !date) text = 'Choose the date, how often and when the series ends to see its visits.';
  else if (!plan.dates.ok) text = plan.dates.message;
  else text = `${seriesSummary(plan.recurrence, date, timeLabel ?? 'the chosen time', plan.dates.dates, skipped)}.`;
  return (
    <p id={id} className="series-summary" data-ok={plan?.dates.ok || undefined}>
      <span className="series-summary-mark" aria-hidden="true">
        ↻
      </span>
      <span>{text}</span>
    </p>
  );
}

function VisitDates({ dates, skipped, onSkippedChange, problemDates }: { dates: readonly string[]; skipped: readonly string[]; onSkippedChange(skipped: string[]): void; problemDates: ReadonlySet<string> }) {
  const [all, setAll] = useState(false);
  const shown = all || dates.length <= FIRST_DATES + 3 ? dates : dates.slice(0, FIRST_DATES);
  const hidden = dates.length - shown.length;
  return (
    <Stack gap={6}>
      <Checkbox.Group
        label={`The ${dates.length} visits`}
        description="Untick a date to leave it out of the series (a holiday, or a date with a problem)."
        value={dates.filter((d) => !skipped.includes(d))}
        onChange={(included) => onSkippedChange(dates.filter((d) => !included.includes(d)))}
      >
        <div className="series-dates">
          {shown.map((d) => (
            <Checkbox
              key={d}
              value={d}
              label={
                <span className="series-date-label" data-problem={problemDates.has(d) || undefined}>
                  {problemDates.has(d) && <span aria-hidden="true">⚠ </span>}
                  {visitDate(d)}
                  {problemDates.has(d) && <VisuallyHidden> (has a problem)</VisuallyHidden>}
                </span>
              }
            />
          ))}
        </div>
      </Checkbox.Group>
      {hidden > 0 && (
        <div>
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)} aria-expanded={false}>
            Show all {dates.length} visits
          </Button>
        </div>
      )}
      {skipped.filter((d) => dates.includes(d)).length > 0 && (
        <Text size="sm">
          Left out: {dates.filter((d) => skipped.includes(d)).map(visitDate).join('; ')}.
        </Text>
      )}
    </Stack>
  );
}

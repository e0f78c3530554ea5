import './find.css';
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { OpenSlot, SetupView, WaitlistEntryView } from '../../../../../shared/contract/scheduling';
import { longDate, weekdayName } from '../../../../../shared/scheduling/time';
import { WaitlistDialog } from '../../visit-day/WaitlistDialog';
import { weekdaysText, windowsText } from '../../visit-day/waitlist-words';
import { schedulingCall } from '../schedule-api';
import { byDay, fieldOf, findResolver, LIMIT_CHOICES, noResultsMessage, slotLine, slotTime, slotWords, toSearch, waitlistDraftOf, type FindValues } from './find-form';

/** What the last search found: the values it was made with (for the "no open time" sentence) and the slots. */
interface Found {
  values: FindValues;
  slots: OpenSlot[];
  /** Nothing found, and the desk put someone on the waitlist for it. */
  waitlisted?: WaitlistEntryView;
}

interface FindTimeDialogProps {
  setup: SetupView;
  /** The form as the desk left it last time (searched again on opening), or the defaults. */
  initial: FindValues;
  /** Search again on opening: the desk has searched before (and may have just booked one of the slots). */
  searchOnOpen: boolean;
  /** May book (and so put patients on the waitlist). */
  canBook: boolean;
  /** Every search, so the next opening starts from it. */
  onSearched(values: FindValues): void;
  onBook(slot: OpenSlot, typeId: string): void;
  onClose(): void;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * "Find a time": a type (its length shown), any provider who offers it or one, a date range (today to four weeks on
 * by default, main takes at most 90 days), preferred weekdays and time of day, how many. The next open slots come
 * back grouped by day, each with a Book button that opens the booking dialog with the slot filled in. When nothing is
 * open, the waitlist dialog (the Waitlist tab's own) opens filled in with the search, for the desk to choose the patient.
 */
export function FindTimeDialog({ setup, initial, searchOnOpen, canBook, onSearched, onBook, onClose }: FindTimeDialogProps) {
  const types = setup.types.filter((t) => t.active);
  const [found, setFound] = useState<Found | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  /** The waitlist dialog is open in this one's place (this one keeps its form and results meanwhile). */
  const [waitlisting, setWaitlisting] = useState(false);
  /** Back from the waitlist dialog without adding anyone: focus goes back to the button that opened it. */
  const [backFromWaitlist, setBackFromWaitlist] = useState(false);
  const resultsHeadingRef = useRef<HTMLHeadingElement>(null);
  const focusResults = useRef(false);
  const headingId = useId();

  const form = useForm<FindValues>({ resolver: findResolver, defaultValues: initial });
  const { errors } = form.formState;
  const typeId = form.watch('typeId');
  const timeOfDay = form.watch('timeOfDay');
  const type = types.find((t) => t.id === typeId);
  const offeredBy = setup.providers.filter((p) => p.active && p.typeIds.includes(typeId));

  const submit = form.handleSubmit(async (values) => {
    setSearching(true);
    setFailure(null);
    setBackFromWaitlist(false);
    onSearched(values);
    const result = await schedulingCall((api) => api.findSlots(toSearch(values)));
    setSearching(false);
    if (!result.ok) {
      setFound(null);
      const unmatched = [];
      for (const issue of result.error.code === 'VALIDATION' ? (result.error.issues ?? []) : []) {
        const field = fieldOf(issue.path);
        if (field) form.setError(field, { type: 'server', message: issue.message }, { shouldFocus: true });
        else unmatched.push(issue.message);
      }
      if (result.error.code !== 'VALIDATION' || unmatched.length > 0) setFailure([result.error.message, ...unmatched].join(' '));
      return;
    }
    focusResults.current = true;
    setFound({ values, slots: result.value.slots });
  });

  // After a search, the desk reads the answer first: focus goes to its heading.
  useEffect(() => {
    if (found && focusResults.current) {
      focusResults.current = false;
      resultsHeadingRef.current?.focus();
    }
  }, [found]);

  // Opened again after a search (say, after booking one of its slots): the same search, fresh from main.
  const searchedOnOpen = useRef(false);
  useEffect(() => {
    if (searchOnOpen && !searchedOnOpen.current) {
      searchedOnOpen.current = true;
      void submit();
    }
  }, [searchOnOpen, submit]);

  const lengthWords = type
    ? [`${type.durationMinutes} minutes`, type.needsRoom ? 'needs a room' : null, type.bufferAfterMinutes > 0 ? `${type.bufferAfterMinutes} minutes kept free after` : null, type.mode === 'telehealth' ? 'telehealth' : null]
        .filter(Boolean)
        .join(' · ')
    : undefined;

  if (waitlisting && found) {
    return (
      <WaitlistDialog
        setup={setup}
        entry={null}
        draft={waitlistDraftOf(found.values)}
        onClose={() => {
          setWaitlisting(false);
          setBackFromWaitlist(true);
        }}
        onSaved={(entry) => {
          setWaitlisting(false);
          setFound({ ...found, waitlisted: entry });
        }}
      />
    );
  }

  return (
    <Modal opened onClose={onClose} title="Find a time" size={820} returnFocus={false} classNames={{ body: 'find-body' }}>
      <form noValidate onSubmit={submit} aria-label="Find a time">
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="md">
            <NativeSelect
              {...form.register('typeId', {
                onChange: (event: { target: { value: string } }) => {
                  const provider = form.getValues('providerId');
                  const next = setup.providers.find((p) => p.id === provider);
                  if (next && !next.typeIds.includes(event.target.value)) form.setValue('providerId', '');
                },
              })}
              label="Appointment type"
              description={lengthWords}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              data={types.map((t) => ({ value: t.id, label: `${t.name} (${t.durationMinutes} min)` }))}
              error={errors.typeId?.message}
            />
            <NativeSelect
              {...form.register('providerId')}
              label="Provider"
              data={[{ value: '', label: 'Any provider who offers it' }, ...offeredBy.map((p) => ({ value: p.id, label: p.credentials ? `${p.name}, ${p.credentials}` : p.name }))]}
              error={errors.providerId?.message}
            />
          </SimpleGrid>
          <SimpleGrid cols={3} spacing="md">
            <TextInput {...form.register('fromDate')} type="date" label="From" error={errors.fromDate?.message} withAsterisk />
            <TextInput {...form.register('toDate')} type="date" label="To" description="At most 90 days" inputWrapperOrder={['label', 'input', 'description', 'error']} error={errors.toDate?.message} withAsterisk />
            <NativeSelect {...form.register('limit')} label="How many" data={LIMIT_CHOICES.map((n) => ({ value: n, label: `The next ${n}` }))} error={errors.limit?.message} />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="weekdays"
            render={({ field }) => (
              <Checkbox.Group label="Days" description="None ticked: any day the provider works." value={field.value} onChange={field.onChange} error={errors.weekdays?.message}>
                <Group gap="md" mt={6}>
                  {WEEKDAYS.map((d) => (
                    <Checkbox key={d} value={String(d)} label={weekdayName(d).slice(0, 3)} aria-label={weekdayName(d)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <Controller
            control={form.control}
            name="timeOfDay"
            render={({ field }) => (
              <Radio.Group label="Time of day" value={field.value} onChange={field.onChange}>
                <Group gap="lg" mt={6}>
                  <Radio value="any" label="Any time" />
                  <Radio value="morning" label="Morning (ends by 12:00)" />
                  <Radio value="afternoon" label="Afternoon (from 12:00)" />
                  <Radio value="between" label="Between…" />
                </Group>
              </Radio.Group>
            )}
          />
          {timeOfDay === 'between' && (
            <SimpleGrid cols={3} spacing="md">
              <TextInput {...form.register('earliest')} label="Earliest start" placeholder="9:00" autoComplete="off" error={errors.earliest?.message} withAsterisk />
              <TextInput {...form.register('latest')} label="Latest end" placeholder="11:30" autoComplete="off" error={errors.latest?.message} withAsterisk />
            </SimpleGrid>
          )}
          {failure && (
            <Alert color="red" variant="light" role="alert" title="Could not search" classNames={{ title: 'alert-title', message: 'alert-message' }}>
              {failure}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Close
            </Button>
            <Button type="submit" loading={searching}>
              Find open times
            </Button>
          </Group>
        </Stack>
      </form>
      {found && (
        <section className="find-results" aria-labelledby={headingId}>
          <h3 id={headingId} ref={resultsHeadingRef} tabIndex={-1} className="find-results-title">
            {found.slots.length === 0 ? 'No open time' : found.slots.length === 1 ? '1 open time' : `The next ${found.slots.length} open times`}
          </h3>
          {found.slots.length === 0 ? (
            <Stack gap="sm">
              <Text role="status" className="find-none">
                {noResultsMessage(setup, found.values)}
              </Text>
              {found.waitlisted ? (
                // As the Waitlist tab's notice (ActionNotice), focused when this dialog is back: its focus trap takes data-autofocus.
                <Alert
                  color="green"
                  variant="light"
                  role="status"
                  tabIndex={-1}
                  data-autofocus
                  title={
                    <span className="action-notice-title" data-tone="success">
                      {found.waitlisted.patientName} was added to the waitlist
                    </span>
                  }
                  classNames={{ root: 'action-notice', message: 'alert-message' }}
                >
                  {`${found.waitlisted.typeName}: ${weekdaysText(found.waitlisted.weekdays)}, ${windowsText(found.waitlisted.timeWindows).toLowerCase()}. The book suggests them when time like this frees up.`}
                </Alert>
              ) : (
                canBook && (
                  <Group gap="sm" justify="space-between" wrap="nowrap" className="find-waitlist">
                    <Text>On the waitlist, the patient is suggested when a time like this frees up.</Text>
                    <Button variant="light" onClick={() => setWaitlisting(true)} data-autofocus={backFromWaitlist || undefined}>
                      Add to the waitlist…
                    </Button>
                  </Group>
                )
              )}
            </Stack>
          ) : (
            byDay(found.slots).map((day) => (
              <div key={day.date} className="find-day">
                <h4 className="find-day-title">{longDate(day.date)}</h4>
                <ul className="find-slots" aria-label={longDate(day.date)}>
                  {day.slots.map((slot) => (
                    <li key={`${slot.providerId}-${slot.startAt}`} className="find-slot">
                      <span className="find-slot-words">
                        <strong>{slotTime(slot)}</strong>
                        {slotLine(slot).slice(slotTime(slot).length)}
                      </span>
                      {canBook && (
                        <Button size="compact-md" variant="light" onClick={() => onBook(slot, found.values.typeId)} aria-label={`Book ${slotWords(slot)}`}>
                          Book
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
      )}
    </Modal>
  );
}

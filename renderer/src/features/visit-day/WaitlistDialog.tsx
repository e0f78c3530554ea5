import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { SetupView, WaitlistEntryView } from '../../../../shared/contract/scheduling';
import type { PatientSearchResult } from '../../../../shared/contract/patients';
import { waitlistFieldsSchema } from '../../../../shared/scheduling/schemas';
import { addDays, clinicToday, formatTimeOfDay } from '../../../../shared/scheduling/time';
import { ActionNotice, nextNotice, type Notice } from '../../components/ActionNotice';
import { applyServerIssues } from '../../forms/server-issues';
import { PatientSearch } from '../patients/search/PatientSearch';
import { visitDayCall } from './visit-day-call';
import { WEEKDAY_CHOICES } from './waitlist-words';
import '../patients/patients.css';

const waitlistTextSchema = z.object({
  patientId: z.string(),
  typeId: z.string(),
  providerIds: z.array(z.string()),
  weekdays: z.array(z.string()),
  timeWindows: z.array(z.object({ start: z.string(), end: z.string() })),
  fromDate: z.string(),
  toDate: z.string(),
  note: z.string(),
});
type WaitlistText = z.infer<typeof waitlistTextSchema>;
/** A new entry's starting values, as the form holds them (times as text): say, a search that found no open time. */
export type WaitlistDraft = Partial<Omit<WaitlistText, 'patientId' | 'note'>>;

/** What main is sent: the chosen days as numbers, times still as typed (main reads them with the same parser). */
function toWaitlistInput(v: WaitlistText, active: boolean): z.input<typeof waitlistFieldsSchema> {
  return {
    patientId: v.patientId,
    typeId: v.typeId,
    providerIds: v.providerIds,
    weekdays: v.weekdays.map(Number).sort((a, b) => a - b),
    timeWindows: v.timeWindows.filter((window) => window.start.trim() !== '' || window.end.trim() !== ''),
    fromDate: v.fromDate,
    toDate: v.toDate,
    note: v.note.trim() === '' ? null : v.note,
    active,
  };
}

const WAITLIST_FIELDS = ['patientId', 'typeId', 'providerIds', 'weekdays', 'fromDate', 'toDate', 'note'] as const;

interface WaitlistDialogProps {
  setup: SetupView;
  entry: WaitlistEntryView | null;
  /** For a new entry (`entry` null): fields filled in beforehand. */
  draft?: WaitlistDraft;
  onClose(): void;
  onSaved(entry: WaitlistEntryView, added: boolean): void;
}

/** A patient who would take an earlier appointment: which type, with whom, on which days and at what times. */
export function WaitlistDialog({ setup, entry, draft, onClose, onSaved }: WaitlistDialogProps) {
  const today = clinicToday(setup.timeZone, Date.now());
  const [patient, setPatient] = useState<{ id: string; name: string; detail: string } | null>(
    entry ? { id: entry.patientId, name: entry.patientName, detail: entry.phone ?? '' } : null,
  );
  const [failure, setFailure] = useState<Notice | null>(null);
  const activeEntry = entry?.active ?? true;
  const schema = waitlistTextSchema.transform((v) => toWaitlistInput(v, activeEntry)).pipe(waitlistFieldsSchema);
  const form = useForm<WaitlistText, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      patientId: entry?.patientId ?? '',
      typeId: entry?.typeId ?? '',
      providerIds: entry?.providerIds ?? [],
      weekdays: (entry?.weekdays ?? []).map(String),
      timeWindows: (entry?.timeWindows ?? []).map((window) => ({ start: formatTimeOfDay(window.start), end: formatTimeOfDay(window.end) })),
      fromDate: entry?.fromDate ?? today,
      toDate: entry?.toDate ?? addDays(today, 60),
      note: entry?.note ?? '',
      ...(entry ? {} : draft),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const windows = useFieldArray({ control: form.control, name: 'timeWindows' });
  const typeId = useWatch({ control: form.control, name: 'typeId' });
  const chosenType = setup.types.find((type) => type.id === typeId);
  const offering = setup.providers.filter((provider) => provider.active && (!chosenType || chosenType.providerIds.includes(provider.id)));
  const typeSelect = useRef<HTMLSelectElement>(null);
  const firstRender = useRef(true);

  // After a patient is chosen the search box is gone: the next field takes focus.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (patient) typeSelect.current?.focus();
  }, [patient]);

  function choosePatient(result: PatientSearchResult) {
    setPatient({ id: result.id, name: result.displayName, detail: [result.mrn, result.phone].filter(Boolean).join(' · ') });
    form.setValue('patientId', result.id);
    form.clearErrors('patientId');
  }

  const submit = form.handleSubmit(async () => {
    const values = toWaitlistInput(form.getValues(), activeEntry);
    const result = await visitDayCall((api) => api.saveWaitlistEntry(entry ? { id: entry.id, entry: values, wasActive: entry.active } : { entry: values }));
    if (result.ok) {
      onSaved(result.value, entry === null);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, (path) => {
      const name = path.startsWith('entry.') ? path.slice(6) : path;
      if ((WAITLIST_FIELDS as readonly string[]).includes(name) || /^timeWindows\.\d+\.(start|end)$/.test(name)) return name as keyof WaitlistText;
      return null;
    });
    const extra = unmatched.map((issue) => issue.message).filter((message) => message !== result.error.message);
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: entry ? 'Changes not saved' : 'Not added to the waitlist', message: [result.error.message, ...extra].join(' ') }));
  });

  const typeOptions = [
    { value: '', label: 'Choose a type' },
    ...setup.types.filter((type) => type.active || type.id === entry?.typeId).map((type) => ({ value: type.id, label: `${type.name} (${type.durationMinutes} min)` })),
  ];

  return (
    <Modal opened onClose={onClose} title={entry ? `Waitlist: ${entry.patientName}` : 'Add to the waitlist'} size="xl" returnFocus={false} closeOnClickOutside={false}>
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <ActionNotice notice={failure} />
          {patient ? (
            <Group justify="space-between" className="waitlist-patient" wrap="nowrap">
              <div>
                <Text size="sm" c="dimmed">
                  Patient
                </Text>
                <Text fw={600} size="lg">
                  {patient.name}
                </Text>
                {patient.detail && <Text size="sm">{patient.detail}</Text>}
              </div>
              {!entry && (
                <Button
                  variant="default"
                  onClick={() => {
                    setPatient(null);
                    form.setValue('patientId', '');
                  }}
                >
                  Choose another patient
                </Button>
              )}
            </Group>
          ) : (
            <div>
              <PatientSearch label="Patient" description="Name, date of birth, phone or MRN." inline timeZone={setup.timeZone} onChoose={choosePatient} data-autofocus />
              {errors.patientId?.message && (
                <Text c="red.9" size="sm" mt={4} role="alert">
                  {errors.patientId.message}
                </Text>
              )}
            </div>
          )}
          <NativeSelect
            {...form.register('typeId')}
            ref={(element) => {
              form.register('typeId').ref(element);
              typeSelect.current = element;
            }}
            label="Appointment type"
            data={typeOptions}
            error={errors.typeId?.message}
            withAsterisk
          />
          <Controller
            control={form.control}
            name="providerIds"
            render={({ field }) => (
              <Checkbox.Group label="Providers" description="Leave all unticked for any provider who offers this type." value={field.value} onChange={field.onChange} error={errors.providerIds?.message}>
                {offering.length === 0 ? (
                  <Text mt={6}>{chosenType ? 'No active provider offers this type yet.' : 'Choose a type to see who offers it.'}</Text>
                ) : (
                  <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt={6}>
                    {offering.map((provider) => (
                      <Checkbox key={provider.id} value={provider.id} label={provider.name} />
                    ))}
                  </SimpleGrid>
                )}
              </Checkbox.Group>
            )}
          />
          <Controller
            control={form.control}
            name="weekdays"
            render={({ field }) => (
              <Checkbox.Group label="Days that suit" description="Leave all unticked for any day." value={field.value} onChange={field.onChange} error={errors.weekdays?.message}>
                <Group gap="lg" mt={6}>
                  {WEEKDAY_CHOICES.map((day) => (
                    <Checkbox key={day.value} value={day.value} label={day.label} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
          />
          <fieldset className="waitlist-windows">
            <legend>
              <Title order={3} size="h5" component="span">
                Times that suit
              </Title>
            </legend>
            <Text size="sm" c="dimmed" mb="xs">
              Leave empty for any time. Type times as 8:00, 13:30 or 1:30 pm.
            </Text>
            <Stack gap="xs">
              {windows.fields.map((window, index) => (
                <Group key={window.id} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    {...form.register(`timeWindows.${index}.start`)}
                    aria-label={`Earliest time${windows.fields.length > 1 ? ` (${index + 1})` : ''}`}
                    placeholder="8:00"
                    error={errors.timeWindows?.[index]?.start?.message}
                    autoComplete="off"
                    w="11rem"
                  />
                  <Text mt={6} aria-hidden="true">
                    to
                  </Text>
                  <TextInput
                    {...form.register(`timeWindows.${index}.end`)}
                    aria-label={`Latest time${windows.fields.length > 1 ? ` (${index + 1})` : ''}`}
                    placeholder="12:00"
                    error={errors.timeWindows?.[index]?.end?.message}
                    autoComplete="off"
                    w="11rem"
                  />
                  <Button variant="default" onClick={() => windows.remove(index)}>
                    Remove
                  </Button>
                </Group>
              ))}
              <Group>
                <Button variant="default" size="sm" onClick={() => windows.append({ start: '', end: '' })} disabled={windows.fields.length >= 6}>
                  Add a time window
                </Button>
              </Group>
            </Stack>
          </fieldset>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput {...form.register('fromDate')} type="date" label="From" description="The first day that would work." error={errors.fromDate?.message} withAsterisk />
            <TextInput {...form.register('toDate')} type="date" label="Until" description="The last day worth offering." error={errors.toDate?.message} withAsterisk />
          </SimpleGrid>
          <TextInput {...form.register('note')} label="Note" description="Optional, such as “can come in at short notice”." error={errors.note?.message} autoComplete="off" />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" loading={isSubmitting}>
              {entry ? 'Save changes' : 'Add to the waitlist'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

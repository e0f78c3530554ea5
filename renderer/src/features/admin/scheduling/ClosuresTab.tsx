import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, List, Modal, NativeSelect, Paper, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { ExceptionView, SavedException, SetupView } from '../../../../../shared/contract/scheduling';
import { EXCEPTION_KINDS, exceptionFieldsSchema } from '../../../../../shared/scheduling/schemas';
import { addDays, clinicToday } from '../../../../../shared/scheduling/time';
import { ActionNotice, nextNotice, type Notice } from '../../../components/ActionNotice';
import { TableHeader } from '../../../components/TableHeader';
import { applyServerIssues } from '../../../forms/server-issues';
import { failureText } from '../admin-call';
import { useAdminDialog } from '../use-admin-dialog';
import { BookedInTimeOff } from './BookedInTimeOff';
import { CLOSURE_KIND_LABELS, closureWhen } from './closure-words';
import { fieldsUnder } from './form-issues';
import { setupCall } from './setup-call';
import { byActiveThenName } from './setup-store';
import { WithSetup } from './WithSetup';

/** The form as typed (all text); turned into the shared schema's input on submit, so its messages land under the same fields. */
const closureTextSchema = z.object({
  kind: z.enum(EXCEPTION_KINDS),
  providerId: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  note: z.string(),
});

/** What main is sent: the times stay text (main reads them with the same parser). */
function toExceptionInput(v: z.infer<typeof closureTextSchema>): z.input<typeof exceptionFieldsSchema> {
  return {
    kind: v.kind,
    providerId: v.kind === 'holiday' || v.providerId === '' ? null : v.providerId,
    fromDate: v.fromDate,
    toDate: v.toDate.trim() === '' ? v.fromDate : v.toDate,
    startTime: v.startTime.trim() === '' ? null : v.startTime,
    endTime: v.endTime.trim() === '' ? null : v.endTime,
    note: v.note.trim() === '' ? null : v.note,
  };
}

const closureFormSchema = closureTextSchema.transform(toExceptionInput).pipe(exceptionFieldsSchema);
type ClosureValues = z.input<typeof closureFormSchema>;
const CLOSURE_FIELDS = ['kind', 'providerId', 'fromDate', 'toDate', 'startTime', 'endTime', 'note'] as const;

/** How far ahead the list looks. */
const LIST_DAYS = 366;

/** Closures: vacations and blocked time of one provider, and clinic holidays for everyone. */
export function ClosuresTab() {
  return <WithSetup>{(setup) => <ClosuresPanel setup={setup} />}</WithSetup>;
}

function ClosuresPanel({ setup }: { setup: SetupView }) {
  const today = clinicToday(setup.timeZone, Date.now());
  const [closures, setClosures] = useState<ExceptionView[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The time off just added, when visits are booked in it: listed to move until dismissed. */
  const [booked, setBooked] = useState<SavedException | null>(null);
  const { dialog, open, close } = useAdminDialog<ExceptionView>();
  const providerNames = new Map(setup.providers.map((provider) => [provider.id, provider.name]));

  const load = useCallback(async () => {
    const result = await setupCall((api) => api.listExceptions({ fromDate: today, toDate: addDays(today, LIST_DAYS) }));
    if (result.ok) setClosures([...result.value.exceptions].sort((a, b) => a.fromDate.localeCompare(b.fromDate) || (a.startTime ?? 0) - (b.startTime ?? 0)));
    else setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The time off could not be read', message: result.error.message }));
  }, [today]);

  useEffect(() => {
    void load();
  }, [load]);

  function who(closure: ExceptionView): string {
    return closure.providerId === null ? 'Whole clinic' : (providerNames.get(closure.providerId) ?? 'A provider no longer listed');
  }

  return (
    <Stack gap="lg">
      <Text maw={760}>
        Vacations and blocked time keep a provider from being booked; a clinic holiday closes the book for everyone. Appointments already booked in that time stay
        booked: adding the time off lists them, to move. New bookings there need an administrator or care coordinator to override.
      </Text>
      <AddClosureForm
        setup={setup}
        today={today}
        onAdded={(closure) => {
          void load();
          setBooked(closure.bookedVisitCount > 0 ? closure : null);
          setNotice((previous) =>
            nextNotice(previous, {
              tone: 'success',
              title: `${CLOSURE_KIND_LABELS[closure.kind]} added`,
              message:
                closure.bookedVisitCount > 0
                  ? `${who(closure)}: ${closureWhen(closure)}. ${closure.bookedVisitCount === 1 ? 'The visit' : 'The visits'} booked in that time ${closure.bookedVisitCount === 1 ? 'is' : 'are'} listed below, to move.`
                  : `${who(closure)}: ${closureWhen(closure)}. No visits are booked in that time.`,
            }),
          );
        }}
      />
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {booked && <BookedInTimeOff saved={booked} who={who(booked)} onDismiss={() => setBooked(null)} />}
      <Title order={2} size="h3">
        Coming up
      </Title>
      {closures === null ? (
        <Text role="status">Reading the time off…</Text>
      ) : closures.length === 0 ? (
        <Text>No time off in the next year.</Text>
      ) : (
        <Table striped verticalSpacing="sm" className="setup-table" aria-label="Time off coming up">
          <TableHeader columns={['When', 'Who', 'Kind', 'Note']} actions />
          <Table.Tbody>
            {closures.map((closure) => (
              <Table.Tr key={closure.id}>
                <Table.Th scope="row" fw={600}>
                  {closureWhen(closure)}
                </Table.Th>
                <Table.Td>{who(closure)}</Table.Td>
                <Table.Td>{CLOSURE_KIND_LABELS[closure.kind]}</Table.Td>
                <Table.Td>{closure.note ?? ''}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button variant="default" size="sm" onClick={() => open(closure)}>
                      Remove
                      <VisuallyHidden>
                        {' '}
                        {CLOSURE_KIND_LABELS[closure.kind]} {who(closure)} {closureWhen(closure)}
                      </VisuallyHidden>
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {dialog && (
        <RemoveClosureDialog
          closure={dialog}
          who={who(dialog)}
          onClose={close}
          onRemoved={() => {
            close({ focusElsewhere: true });
            void load();
            setNotice((previous) => nextNotice(previous, { tone: 'success', title: 'Time off removed', message: `${who(dialog)}: ${closureWhen(dialog)} can be booked again.`, focus: true }));
          }}
        />
      )}
    </Stack>
  );
}

function AddClosureForm({ setup, today, onAdded }: { setup: SetupView; today: string; onAdded(closure: SavedException): void }) {
  const [failure, setFailure] = useState<Notice | null>(null);
  const form = useForm<ClosureValues, unknown, z.output<typeof closureFormSchema>>({
    resolver: zodResolver(closureFormSchema),
    defaultValues: { kind: 'vacation', providerId: '', fromDate: today, toDate: '', startTime: '', endTime: '', note: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: 'kind' });
  const providers = byActiveThenName(setup.providers).filter((provider) => provider.active);
  const providerOptions = [
    { value: '', label: kind === 'blocked' ? 'Whole clinic' : 'Choose a provider' },
    ...providers.map((provider) => ({ value: provider.id, label: provider.name })),
  ];

  const submit = form.handleSubmit(async () => {
    setFailure(null);
    const values = toExceptionInput(form.getValues());
    const result = await setupCall((api) => api.saveException({ exception: values }));
    if (result.ok) {
      form.reset({ kind: values.kind, providerId: '', fromDate: today, toDate: '', startTime: '', endTime: '', note: '' });
      onAdded(result.value);
      return;
    }
    const unmatched = applyServerIssues(result.error.issues, form.setError, fieldsUnder<ClosureValues>('exception', CLOSURE_FIELDS));
    setFailure((previous) => nextNotice(previous, { tone: 'error', title: 'Time off not added', message: failureText(result.error.message, unmatched) }));
  });

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="add-closure-heading">
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <Title order={2} size="h3" id="add-closure-heading">
            Add time off
          </Title>
          <ActionNotice notice={failure} />
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Radio.Group label="What kind" value={field.value} onChange={field.onChange} error={errors.kind?.message} withAsterisk>
                <Group gap="xl" mt={6}>
                  <Radio value="vacation" label="Vacation (a provider is away)" />
                  <Radio value="blocked" label="Blocked time (meetings, admin time)" />
                  <Radio value="holiday" label="Clinic holiday (closed for everyone)" />
                </Group>
              </Radio.Group>
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {kind !== 'holiday' && (
              <NativeSelect
                {...form.register('providerId')}
                label={kind === 'blocked' ? 'For' : 'Provider'}
                description={kind === 'blocked' ? 'One provider, or the whole clinic.' : 'Whose vacation it is.'}
                data={providerOptions}
                error={errors.providerId?.message}
                withAsterisk={kind === 'vacation'}
              />
            )}
            <TextInput {...form.register('fromDate')} type="date" label="First day" description="The first day off." error={errors.fromDate?.message} withAsterisk />
            <TextInput {...form.register('toDate')} type="date" label="Last day" description="Leave empty for one day." error={errors.toDate?.message} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput {...form.register('startTime')} label="From (time)" description="Empty for whole days." placeholder="13:00" error={errors.startTime?.message} autoComplete="off" />
            <TextInput {...form.register('endTime')} label="To (time)" description="Empty for whole days." placeholder="17:00" error={errors.endTime?.message} autoComplete="off" />
            <TextInput {...form.register('note')} label="Note" description="Optional, such as Conference." error={errors.note?.message} autoComplete="off" className="closure-note" />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={isSubmitting}>
              Add time off
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function RemoveClosureDialog({ closure, who, onClose, onRemoved }: { closure: ExceptionView; who: string; onClose(): void; onRemoved(): void }) {
  const [failure, setFailure] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  async function remove() {
    setBusy(true);
    const result = await setupCall((api) => api.removeException({ id: closure.id }));
    setBusy(false);
    if (result.ok) onRemoved();
    else setFailure((previous) => nextNotice(previous, { tone: 'error', title: 'Not removed', message: result.error.message, focus: true }));
  }
  return (
    <Modal opened onClose={onClose} title={`Remove this ${CLOSURE_KIND_LABELS[closure.kind].toLowerCase()}?`} size="lg" returnFocus={false}>
      <Stack gap="md">
        <List spacing="xs">
          <List.Item>
            {who}: {closureWhen(closure)}
            {closure.note ? ` (${closure.note})` : ''}.
          </List.Item>
          <List.Item>That time can be booked again at once. Appointments are not changed.</List.Item>
        </List>
        <ActionNotice notice={failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button color="red.9" onClick={() => void remove()} loading={busy}>
            Remove
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

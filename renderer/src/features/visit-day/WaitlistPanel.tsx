import { Anchor, Button, Group, List, Modal, Stack, Switch, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SetupView, WaitlistEntryView } from '../../../../shared/contract/scheduling';
import { formatPhone } from '../../../../shared/patients/phone';
import { formatTimeOfDay } from '../../../../shared/scheduling/time';
import { ActionNotice, nextNotice, type Notice } from '../../components/ActionNotice';
import { ReadingStatus } from '../../components/ReadingStatus';
import { TableHeader } from '../../components/TableHeader';
import { useScheduleStore } from '../scheduling/schedule-store';
import { useCanRunVisitDay, visitDayCall } from './visit-day-call';
import { WaitlistDialog } from './WaitlistDialog';
import { closedWords, dateRangeText, visitWhenText, weekdaysText, windowsText } from './waitlist-words';
import { WithVisitSetup } from './WithVisitSetup';
import './visit-day.css';

type WaitlistDialogState = { kind: 'add' } | { kind: 'edit'; entry: WaitlistEntryView } | { kind: 'remove'; entry: WaitlistEntryView };

/** Patients who would take an earlier appointment. The book suggests them when a matching slot frees up. */
export function WaitlistPanel() {
  return <WithVisitSetup>{(setup) => <Waitlist setup={setup} />}</WithVisitSetup>;
}

function Waitlist({ setup }: { setup: SetupView }) {
  const canEdit = useCanRunVisitDay();
  const [showClosed, setShowClosed] = useState(false);
  const [entries, setEntries] = useState<WaitlistEntryView[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dialog, setDialog] = useState<WaitlistDialogState | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const providerNames = new Map(setup.providers.map((provider) => [provider.id, provider.name]));

  const load = useCallback(async () => {
    const result = await visitDayCall((api) => api.listWaitlist({ includeInactive: showClosed }));
    if (result.ok) setEntries([...result.value.entries].sort((a, b) => Number(b.active) - Number(a.active) || a.createdAt - b.createdAt));
    else setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The waitlist could not be read', message: result.error.message }));
  }, [showClosed]);

  useEffect(() => {
    void load();
  }, [load]);

  function open(next: WaitlistDialogState) {
    const active = document.activeElement;
    opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    setDialog(next);
  }

  /** Closes the dialog; focus goes back to the button that opened it, unless a notice takes it. */
  function close(focusElsewhere = false) {
    setDialog(null);
    const target = opener.current;
    opener.current = null;
    if (!focusElsewhere) window.setTimeout(() => target?.isConnected && target.focus(), 0);
  }

  async function setActive(entry: WaitlistEntryView, active: boolean) {
    const result = await visitDayCall((api) =>
      api.saveWaitlistEntry({
        id: entry.id,
        entry: {
          patientId: entry.patientId,
          typeId: entry.typeId,
          providerIds: entry.providerIds,
          weekdays: entry.weekdays,
          timeWindows: entry.timeWindows.map((window) => ({ start: formatTimeOfDay(window.start), end: formatTimeOfDay(window.end) })),
          fromDate: entry.fromDate,
          toDate: entry.toDate,
          note: entry.note,
          active,
        },
        wasActive: entry.active,
      }),
    );
    close(true);
    if (!result.ok) {
      setNotice((previous) => nextNotice(previous, { tone: 'error', title: 'The waitlist was not changed', message: result.error.message, focus: true }));
      return;
    }
    await load();
    setNotice((previous) =>
      nextNotice(previous, {
        tone: 'success',
        title: active ? `${entry.patientName} is back on the waitlist` : `${entry.patientName} was taken off the waitlist`,
        message: active ? undefined : 'Their appointments are not changed.',
        focus: true,
      }),
    );
  }

  return (
    <Stack gap="lg" className="waitlist">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Waitlist</Title>
          <Text maw={680}>Patients who would take an earlier appointment. When a matching time frees up, the book suggests them.</Text>
        </div>
        <Group gap="md">
          <Switch label="Show booked and removed entries" checked={showClosed} onChange={(event) => setShowClosed(event.currentTarget.checked)} />
          {canEdit && <Button onClick={() => open({ kind: 'add' })}>Add to the waitlist</Button>}
        </Group>
      </Group>
      <ActionNotice notice={notice} onClose={() => setNotice(null)} />
      {entries === null ? (
        <ReadingStatus>Reading the waitlist…</ReadingStatus>
      ) : entries.length === 0 ? (
        <Text>Nobody is on the waitlist.</Text>
      ) : (
        <Table verticalSpacing="sm" striped className="waitlist-table" aria-label="Waitlist">
          <TableHeader columns={['Patient', 'Wants', 'When', 'Between', 'Note']} actions={canEdit} />
          <Table.Tbody>
            {entries.map((entry) => {
              const providers = entry.providerIds.map((id) => providerNames.get(id) ?? 'a provider no longer listed');
              const outcome = closedWords(entry, setup.timeZone);
              const visit = entry.closed?.visit ?? null;
              const appointmentId = entry.closed?.appointmentId ?? null;
              // A cancelled visit is not drawn in the book, so there is nothing there to open.
              const openable = visit !== null && appointmentId !== null && visit.status !== 'cancelled' ? { visit, appointmentId } : null;
              return (
                <Table.Tr key={entry.id} data-active={entry.active}>
                  <Table.Th scope="row">
                    <Text fw={600}>{entry.patientName}</Text>
                    <Text size="sm" c="dimmed" className="waitlist-phone">
                      {entry.phone ? formatPhone(entry.phone) : 'No phone on file'}
                    </Text>
                    {outcome !== null && (
                      // Kept narrow, so a booked visit's sentence wraps here instead of squeezing the other columns.
                      <Text size="sm" fw={600} mt={4} maw="18rem">
                        {outcome.outcome}
                      </Text>
                    )}
                    {outcome?.when != null && (
                      <Text size="sm" maw="18rem">
                        <VisuallyHidden>{' — '}</VisuallyHidden>
                        {outcome.when}
                      </Text>
                    )}
                    {openable !== null && (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        mt={2}
                        onClick={() => useScheduleStore.getState().showInBook(openable.appointmentId, openable.visit.date)}
                        aria-label={`Open in the book: ${entry.patientName}, ${visitWhenText(openable.visit)}`}
                      >
                        Open in the book
                      </Anchor>
                    )}
                  </Table.Th>
                  <Table.Td>
                    <Text>{entry.typeName}</Text>
                    <Text size="sm" c="dimmed">
                      {providers.length > 0 ? `With ${providers.join(' or ')}` : 'Any provider'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text>{weekdaysText(entry.weekdays)}</Text>
                    <Text size="sm" c="dimmed">
                      {windowsText(entry.timeWindows)}
                    </Text>
                  </Table.Td>
                  <Table.Td className="waitlist-dates">{dateRangeText(entry.fromDate, entry.toDate)}</Table.Td>
                  <Table.Td>{entry.note ?? ''}</Table.Td>
                  {canEdit && (
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" justify="flex-end">
                        {entry.active ? (
                          <>
                            <Button variant="default" size="sm" onClick={() => open({ kind: 'edit', entry })}>
                              Edit<VisuallyHidden> waitlist entry of {entry.patientName}</VisuallyHidden>
                            </Button>
                            <Button variant="default" size="sm" onClick={() => open({ kind: 'remove', entry })}>
                              Remove<VisuallyHidden> {entry.patientName} from the waitlist</VisuallyHidden>
                            </Button>
                          </>
                        ) : (
                          <Button variant="default" size="sm" onClick={() => void setActive(entry, true)}>
                            Put back<VisuallyHidden> {entry.patientName} on the waitlist</VisuallyHidden>
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <WaitlistDialog
          setup={setup}
          entry={dialog.kind === 'edit' ? dialog.entry : null}
          onClose={() => close()}
          onSaved={(entry, added) => {
            close(added);
            void load();
            setNotice((previous) =>
              nextNotice(previous, {
                tone: 'success',
                title: added ? `${entry.patientName} was added to the waitlist` : 'Changes saved',
                message: added ? `${entry.typeName}: ${weekdaysText(entry.weekdays)}, ${windowsText(entry.timeWindows).toLowerCase()}.` : undefined,
                focus: added,
              }),
            );
          }}
        />
      )}
      {dialog?.kind === 'remove' && <RemoveDialog entry={dialog.entry} onClose={() => close()} onConfirm={() => setActive(dialog.entry, false)} />}
    </Stack>
  );
}

function RemoveDialog({ entry, onClose, onConfirm }: { entry: WaitlistEntryView; onClose(): void; onConfirm(): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Modal opened onClose={onClose} title={`Take ${entry.patientName} off the waitlist?`} size="lg" returnFocus={false}>
      <Stack gap="md">
        <List spacing="xs">
          <List.Item>The book stops suggesting {entry.patientName} for freed time.</List.Item>
          <List.Item>Nothing is deleted: “Show booked and removed entries” lists it, with who removed it and when, and it can be put back.</List.Item>
        </List>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy} data-autofocus>
            Cancel
          </Button>
          <Button
            color="red.9"
            loading={busy}
            onClick={() => {
              setBusy(true);
              void onConfirm();
            }}
          >
            Take off the waitlist
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

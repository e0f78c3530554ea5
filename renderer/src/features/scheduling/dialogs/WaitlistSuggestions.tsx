import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { WaitlistEntryView, WaitlistSuggestion } from '../../../../../shared/contract/scheduling';
import { clockLabel, weekdayName } from '../../../../../shared/scheduling/time';
import { usePatientsStore } from '../../patients/patients-store';
import { useUiStore } from '../../../store/ui-store';
import { schedulingCall } from '../schedule-api';
import { useScheduleStore } from '../schedule-store';
import { hhmmLabel, shortDate } from '../schedule-words';

/**
 * Waitlisted patients who could take time that was just freed (a cancellation, a no-show, a move), each with the slot
 * main found for them: "Offer this slot" books it and closes their waitlist entry in one step (main does both or
 * neither), "Open patient" goes to their page.
 */
export function WaitlistSuggestions({ suggestions, canChange, onLeave }: { suggestions: readonly WaitlistSuggestion[]; canChange: boolean; onLeave(): void }) {
  if (suggestions.length === 0) {
    return <Text>No one on the waitlist fits this time.</Text>;
  }
  return (
    <Stack gap="sm">
      <Text>
        {suggestions.length === 1 ? 'A patient on the waitlist could take this time:' : `${suggestions.length} patients on the waitlist could take this time:`}
      </Text>
      <ul className="suggestion-list" aria-label="Waitlist suggestions">
        {suggestions.map((suggestion) => (
          <SuggestionCard key={suggestion.entry.id} suggestion={suggestion} canChange={canChange} onLeave={onLeave} />
        ))}
      </ul>
    </Stack>
  );
}

type OfferState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'booked'; text: string } | { kind: 'refused'; messages: string[] };

function SuggestionCard({ suggestion, canChange, onLeave }: { suggestion: WaitlistSuggestion; canChange: boolean; onLeave(): void }) {
  const { entry, slot } = suggestion;
  const [offer, setOffer] = useState<OfferState>({ kind: 'idle' });
  const slotText = `${shortDate(slot.start.date)}, ${hhmmLabel(slot.start.time)}–${hhmmLabel(slot.endTime)} with ${slot.providerName}${slot.roomName ? `, ${slot.roomName}` : ''}`;

  async function offerSlot() {
    setOffer({ kind: 'sending' });
    const result = await schedulingCall((api) =>
      api.book({ patientId: entry.patientId, typeId: entry.typeId, providerId: slot.providerId, roomId: slot.roomId, start: { ...slot.start }, fromWaitlistEntryId: entry.id }),
    );
    if (!result.ok) {
      setOffer({ kind: 'refused', messages: [result.error.message] });
      return;
    }
    if (result.value.outcome === 'not-saved') {
      setOffer({ kind: 'refused', messages: result.value.problems.map((p) => p.message) });
      return;
    }
    const text = `Booked ${entry.patientName} ${slotText}. They are off the waitlist.`;
    setOffer({ kind: 'booked', text });
    useScheduleStore.getState().changed(text);
  }

  function openPatient() {
    usePatientsStore.getState().openPatient(entry.patientId);
    onLeave();
    useUiStore.getState().navigate('patients');
  }

  return (
    <li className="suggestion-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text fw={650} size="lg">
            {entry.patientName}
          </Text>
          <Text size="sm">
            {entry.typeName} · {entry.phone ?? 'No phone on file'}
          </Text>
          <Text size="sm">Wants: {wishText(entry)}</Text>
          <Text size="sm" fw={600}>
            Slot: {slotText}
          </Text>
        </div>
        <Stack gap={6} align="stretch">
          {canChange && offer.kind !== 'booked' && (
            <Button onClick={() => void offerSlot()} loading={offer.kind === 'sending'} aria-label={`Offer this slot to ${entry.patientName}`}>
              Offer this slot
            </Button>
          )}
          <Button variant="default" onClick={openPatient} aria-label={`Open ${entry.patientName}’s page`}>
            Open patient
          </Button>
        </Stack>
      </Group>
      {offer.kind === 'booked' && (
        <Text role="status" mt="xs" fw={600} c="green.9">
          {offer.text}
        </Text>
      )}
      {offer.kind === 'refused' && (
        <Alert mt="xs" color="red" variant="light" role="alert" title="Not booked" classNames={{ title: 'alert-title', message: 'alert-message' }}>
          {offer.messages.join(' ')}
        </Alert>
      )}
    </li>
  );
}

/** "Mon, Wed, 8:00–12:00, until Apr 30" — what the patient said they could do. */
function wishText(entry: WaitlistEntryView): string {
  const days = entry.weekdays.length === 0 ? 'any day' : entry.weekdays.map((d) => weekdayName(d).slice(0, 3)).join(', ');
  const times = entry.timeWindows.length === 0 ? 'any time' : entry.timeWindows.map((w) => `${clockLabel(w.start)}–${clockLabel(w.end)}`).join(', ');
  return `${days}, ${times}, until ${shortDate(entry.toDate)}`;
}

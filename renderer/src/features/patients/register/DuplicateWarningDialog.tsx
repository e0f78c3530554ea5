import { Badge, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import type { DuplicateCandidate } from '../../../../../shared/contract/patients';
import { formatDateOfBirth } from '../format';

/** 70 and above is "likely the same person" (the contract's threshold). */
const LIKELY_SCORE = 70;

interface DuplicateWarningDialogProps {
  candidates: readonly DuplicateCandidate[];
  /** Whom the desk is registering, as typed: "Jane Smith". */
  newPersonName: string;
  sending: boolean;
  onOpen(candidate: DuplicateCandidate): void;
  onRegisterAnyway(): void;
  onBack(): void;
}

/**
 * Before a second record is made for someone already registered: who looks the same and why, so the desk can ask the
 * caller. Opening the existing record is the first choice; "register anyway" sends the registration again.
 */
export function DuplicateWarningDialog({ candidates, newPersonName, sending, onOpen, onRegisterAnyway, onBack }: DuplicateWarningDialogProps) {
  const sorted = [...candidates].sort((a, b) => b.score - a.score);
  const one = sorted.length === 1;
  return (
    <Modal opened returnFocus={false} onClose={onBack} title={one ? 'This patient may already be registered' : 'These patients may already be registered'} size="xl" closeOnClickOutside={false}>
      <Stack gap="md">
        <Text>
          {newPersonName} looks like {one ? 'a patient' : `${sorted.length} patients`} already in CareDesk. Check with the caller — their date of birth,
          phone number and address — before you make a new record. Nothing has been saved yet.
        </Text>
        <Stack component="ul" gap="sm" className="duplicate-candidates">
          {sorted.map((candidate, index) => {
            const likely = candidate.score >= LIKELY_SCORE;
            return (
              <li key={candidate.id} className="duplicate-candidate" data-likely={likely || undefined}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                  <div>
                    <Text fw={650} size="lg">
                      {candidate.displayName}
                    </Text>
                    <Text>
                      Born {formatDateOfBirth(candidate.dateOfBirth)} · MRN {candidate.mrn}
                    </Text>
                  </div>
                  <Badge size="lg" variant="light" className={likely ? 'duplicate-badge-likely' : 'duplicate-badge-possible'}>
                    {likely ? 'Likely the same person' : 'Possibly the same person'}
                  </Badge>
                </Group>
                <Text size="sm" mt="xs" fw={600}>
                  Why it looks the same:
                </Text>
                <List size="sm" className="duplicate-reasons">
                  {candidate.reasons.map((reason) => (
                    <List.Item key={reason}>{reason}</List.Item>
                  ))}
                </List>
                <Button mt="sm" variant="light" onClick={() => onOpen(candidate)} data-autofocus={index === 0 || undefined} disabled={sending}>
                  Open {candidate.displayName}
                </Button>
              </li>
            );
          })}
        </Stack>
        <Group justify="space-between" mt="sm">
          <Button variant="default" onClick={onBack} disabled={sending}>
            Go back to the form
          </Button>
          <Button variant="outline" onClick={onRegisterAnyway} loading={sending}>
            This is a different person — register anyway
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

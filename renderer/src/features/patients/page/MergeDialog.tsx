import { Alert, Button, Group, List, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PatientPage, PatientSearchResult } from '../../../../../shared/contract/patients';
import { formatPhone } from '../../../../../shared/patients/phone';
import { ageText, formatDateOfBirth, listInWords } from '../format';
import { patientsCall } from '../patients-api';
import { PatientSearch } from '../search/PatientSearch';

interface MergeDialogProps {
  survivor: PatientPage['patient'];
  timeZone: string | undefined;
  onClose(): void;
  onMerged(message: string): void;
}

/**
 * Administrators: fold a duplicate record into this one. First find the duplicate, then read exactly what will happen
 * and confirm. Main moves every linked record and keeps the duplicate's MRN as a way to find this one.
 */
export function MergeDialog({ survivor, timeZone, onClose, onMerged }: MergeDialogProps) {
  const [duplicate, setDuplicate] = useState<PatientSearchResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [merging, setMerging] = useState(false);
  const survivorName = `${survivor.lastName}, ${survivor.firstName}`;
  const safeChoice = useRef<HTMLButtonElement>(null);
  // The search box that had focus is gone once a record is chosen: the safe button takes it.
  useEffect(() => {
    if (duplicate) safeChoice.current?.focus();
  }, [duplicate]);

  async function merge(mergedId: string) {
    setMerging(true);
    setProblem(null);
    const result = await patientsCall((api) => api.merge({ survivorId: survivor.id, mergedId }));
    setMerging(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    const moved = Object.entries(result.value.moved).filter(([, count]) => count > 0).map(([table, count]) => movedText(table, count));
    onMerged(`The duplicate record is merged into this one. ${moved.length > 0 ? `Moved here: ${listInWords(moved)}.` : 'It had nothing linked to it to move.'}`);
  }

  return (
    <Modal opened returnFocus={false} onClose={onClose} title="Merge a duplicate into this record" size="xl" closeOnClickOutside={false}>
      {duplicate === null ? (
        <Stack gap="md">
          <Text>
            Find the other record of <strong>{survivorName}</strong> (MRN {survivor.mrn}). This record is the one that stays.
          </Text>
          <PatientSearch label="Find the duplicate record" inline excludeId={survivor.id} timeZone={timeZone} onChoose={setDuplicate} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          {problem && (
            <Alert color="red" variant="light" role="alert" title="Not merged" classNames={{ title: 'alert-title', message: 'alert-message' }}>
              {problem}
            </Alert>
          )}
          <Table withTableBorder verticalSpacing="xs" className="merge-compare">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" />
                <Table.Th scope="col">Stays (this record)</Table.Th>
                <Table.Th scope="col">Merged into it (the duplicate)</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Compare label="Name" left={survivorName} right={duplicate.displayName} />
              <Compare label="Date of birth" left={dobText(survivor)} right={dobText(duplicate)} />
              <Compare label="MRN" left={survivor.mrn} right={duplicate.mrn} />
              <Compare label="Phone" left={firstPhone(survivor) ?? 'None'} right={duplicate.phone ?? 'None'} />
            </Table.Tbody>
          </Table>
          <Text fw={650}>What happens when you merge:</Text>
          <List spacing={4}>
            <List.Item>Everything linked to MRN {duplicate.mrn} — family members and caregivers, its change history, and later its appointments, forms and insurance — moves to MRN {survivor.mrn}.</List.Item>
            <List.Item>Searching for MRN {duplicate.mrn} will find this record.</List.Item>
            <List.Item>The duplicate no longer shows in search. Its name, phones and address are not copied here: if it holds something this record lacks, cancel and add it with Edit details first.</List.Item>
            <List.Item>The merge is recorded in the audit trail. It cannot be undone from this screen.</List.Item>
          </List>
          <Group justify="space-between">
            <Button variant="default" onClick={() => setDuplicate(null)} disabled={merging}>
              Choose another record
            </Button>
            <Group gap="sm">
              <Button ref={safeChoice} variant="default" onClick={onClose} disabled={merging}>
                Cancel
              </Button>
              <Button color="red.9" onClick={() => void merge(duplicate.id)} loading={merging}>
                Merge MRN {duplicate.mrn} into this record
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function Compare({ label, left, right }: { label: string; left: string; right: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row">{label}</Table.Th>
      <Table.Td>{left}</Table.Td>
      <Table.Td>{right}</Table.Td>
    </Table.Tr>
  );
}

function dobText(person: { dateOfBirth: string; age: number }): string {
  return `${formatDateOfBirth(person.dateOfBirth)} (${ageText(person.age)})`;
}

function firstPhone(patient: PatientPage['patient']): string | null {
  const preferred = patient.preferredPhone ? { mobile: patient.phoneMobile, home: patient.phoneHome, work: patient.phoneWork }[patient.preferredPhone] : null;
  const phone = preferred ?? patient.phoneMobile ?? patient.phoneHome ?? patient.phoneWork;
  return phone ? formatPhone(phone) : null;
}

/** What moved, by main's table name, in the desk's words. */
const MOVED_WORDS: Record<string, [one: string, many: string]> = {
  related_person: ['family member or caregiver', 'family members and caregivers'],
  patient_change: ['history entry', 'history entries'],
};

/** "2 family members and caregivers"; an unknown table as "3 records (appointment)". */
function movedText(table: string, count: number): string {
  const known = MOVED_WORDS[table];
  if (known) return `${count} ${count === 1 ? known[0] : known[1]}`;
  return `${count} ${count === 1 ? 'record' : 'records'} (${table.replaceAll('_', ' ')})`;
}

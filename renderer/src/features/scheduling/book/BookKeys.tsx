import { Modal, SimpleGrid, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { KeyCombo } from '../../../shell/KeyCombo';

/** The book's keys, one list for the dialog and the grid's description. None clashes with the app's own (Ctrl+K, /, ?, Alt+digit). */
export const BOOK_KEYS: readonly { keys: readonly (readonly string[])[]; what: string }[] = [
  { keys: [['T']], what: 'Today' },
  { keys: [['N'], ['P']], what: 'Next or previous day (week, month)' },
  { keys: [['1'], ['D']], what: 'Day view' },
  { keys: [['2'], ['W']], what: 'Week view' },
  { keys: [['3']], what: 'Month view' },
  { keys: [['4'], ['L']], what: 'List of the day' },
  { keys: [['G']], what: 'Go to a date (the date box)' },
  { keys: [['F']], what: 'Find a time (the next open slots)' },
];

export const GRID_KEYS: readonly { keys: readonly (readonly string[])[]; what: string }[] = [
  { keys: [['↑'], ['↓']], what: 'Earlier or later: free times and appointments' },
  { keys: [['←'], ['→']], what: 'Next column (provider, room or day), same time' },
  { keys: [['Page Up'], ['Page Down']], what: 'An hour earlier or later' },
  { keys: [['Home'], ['End']], what: 'Top or bottom of the column' },
  { keys: [['Enter']], what: 'Book the free time, or open the appointment' },
  { keys: [['M']], what: 'Move the appointment: arrows move it, Enter puts it down, Esc leaves it' },
  { keys: [['Shift', '↑'], ['Shift', '↓']], what: 'While moving: shorter or longer' },
];

export function BookKeysDialog({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keys for the appointment book" size={860} returnFocus={false}>
      <SimpleGrid cols={2} spacing="xl">
        <KeyGroup title="On the Book tab (not in a text field)" rows={BOOK_KEYS} />
        <KeyGroup title="In the book’s grid" rows={GRID_KEYS} />
      </SimpleGrid>
      <Text mt="md" c="dimmed">
        The app’s own keys work here too: ? lists them, Ctrl+K or / finds a patient, Alt with a digit goes to a screen.
      </Text>
    </Modal>
  );
}

function KeyGroup({ title, rows }: { title: string; rows: typeof BOOK_KEYS }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} id={headingId} className="shortcut-group-title">
        {title}
      </Title>
      <Table verticalSpacing={6} aria-labelledby={headingId}>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.what}>
              <Table.Th scope="row" className="shortcut-keys" style={{ width: '10rem' }}>
                {row.keys.map((combo, i) => (
                  <KeyOr key={combo.join('+')} first={i === 0}>
                    <KeyCombo keys={combo} size="sm" />
                  </KeyOr>
                ))}
              </Table.Th>
              <Table.Td>{row.what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

function KeyOr({ first, children }: { first: boolean; children: ReactNode }) {
  return (
    <>
      {!first && <span className="key-combo-plus"> or </span>}
      {children}
    </>
  );
}

/** Read with the grid (aria-describedby): how to get around it without a mouse. */
export function GridKeysDescription({ id }: { id: string }) {
  return (
    <VisuallyHidden id={id}>
      Arrow keys move between free times and appointments; left and right go to the next column at the same time. Enter books a free time or opens an
      appointment. M picks an appointment up to move it: arrows move it, Shift with up or down changes its length, Enter puts it down, Escape leaves it.
    </VisuallyHidden>
  );
}

import { Alert, Group, Loader, Paper, Text } from '@mantine/core';
import type { DayView } from '../../../../../shared/contract/scheduling';
import { ok, type Result } from '../../../../../shared/result';
import { dayClock, clockLabel } from '../../../../../shared/scheduling/time';
import { patientsCall } from '../../patients/patients-api';
import { useSessionStore } from '../../../session/session-store';
import { schedulingCall } from '../schedule-api';
import { appointmentTimeRange, birthDateLabel, countOf, longDate, statusLabel } from '../schedule-words';
import { useBookQuery } from '../use-book-query';

interface PatientContact {
  dateOfBirth: string | null;
  phone: string | null;
}

interface SheetData {
  day: DayView;
  contacts: Map<string, PatientContact>;
}

/**
 * The day sheet: one page per provider with each visit's time, patient, date of birth, phone, type and reason. Shown on
 * screen as it will print; "Print day sheet" prints it (the print stylesheet leaves out everything else).
 */
export function DaySheet({ date, providerId, revision }: { date: string; providerId: string | null; revision: number }) {
  const clinicName = useSessionStore((state) => state.clinicName);
  const query = useBookQuery(`${date}|${revision}`, () => loadSheet(date));
  if (query.kind === 'failed' && !query.value) {
    return (
      <Alert color="red" variant="light" role="alert" title="The day sheet could not be made" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        {query.message}
      </Alert>
    );
  }
  if (!query.value) {
    return (
      <Group gap="sm" role="status" p="md">
        <Loader size="sm" aria-hidden="true" />
        <Text>Making the day sheet…</Text>
      </Group>
    );
  }
  const { day, contacts } = query.value;
  const clock = dayClock(day.date, day.timeZone);
  const columns = day.columns.filter((c) => (providerId ? c.id === providerId : c.appointments.length > 0));
  if (columns.length === 0) {
    return (
      <Paper withBorder radius="md" p="lg" maw={720} className="print-now">
        <Text size="lg">Nothing is booked on {longDate(day.date)}{providerId ? ' for this provider' : ''}.</Text>
      </Paper>
    );
  }
  return (
    <div className="day-sheet print-now" aria-label="Day sheet" role="region">
      {columns.map((column) => {
        const hours = column.hours.map((h) => `${clockLabel(clock.toMinutes(h.startAt))}–${h.endAt >= clock.endAt ? '24:00' : clockLabel(clock.toMinutes(h.endAt))}`).join(', ');
        return (
          <section key={column.id} className="day-sheet-page" aria-labelledby={`sheet-${column.id}`}>
            <h2 id={`sheet-${column.id}`}>
              {column.name} — {longDate(day.date)}
            </h2>
            <p className="day-sheet-meta">
              {clinicName ? `${clinicName} · ` : ''}
              {countOf(column.appointments.length, 'appointment')}
              {hours ? ` · Hours ${hours}` : ' · Not working this day'}
            </p>
            {column.appointments.length === 0 ? (
              <p className="day-sheet-empty">No appointments.</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Patient</th>
                    <th scope="col">Date of birth</th>
                    <th scope="col">Phone</th>
                    <th scope="col">Type</th>
                    <th scope="col">Reason</th>
                  </tr>
                </thead>
                <tbody>
                  {column.appointments.map((a) => {
                    const contact = contacts.get(a.patientMrn);
                    return (
                      <tr key={a.id}>
                        <td className="day-sheet-time">{appointmentTimeRange(a)}</td>
                        <td>
                          <strong>{a.patientName}</strong>
                          <br />
                          MRN {a.patientMrn}
                          {a.status !== 'booked' ? ` · ${statusLabel(a.status)}` : ''}
                        </td>
                        <td>{contact?.dateOfBirth ? birthDateLabel(contact.dateOfBirth) : '—'}</td>
                        <td>{contact?.phone ?? '—'}</td>
                        <td>
                          {a.typeName}
                          {a.roomName ? `, ${a.roomName}` : ''}
                          {a.overbooked ? ' (overbooked)' : ''}
                        </td>
                        <td>{a.reason ?? ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The day, and each patient's date of birth and phone. The day view carries names and MRNs only, so the sheet looks each
 * MRN up with the patient search (an exact MRN is its first answer); a missing one prints as a dash.
 */
async function loadSheet(date: string): Promise<Result<SheetData>> {
  const day = await schedulingCall((api) => api.day({ date, by: 'provider' }));
  if (!day.ok) return day;
  const mrns = [...new Set(day.value.columns.flatMap((c) => c.appointments.map((a) => a.patientMrn)))];
  const contacts = new Map<string, PatientContact>();
  await Promise.all(
    mrns.map(async (mrn) => {
      const found = await patientsCall((api) => api.search({ query: mrn, limit: 3 }));
      const match = found.ok ? found.value.results.find((r) => r.mrn === mrn) : undefined;
      if (match) contacts.set(mrn, { dateOfBirth: match.dateOfBirth, phone: match.phone });
    }),
  );
  return ok({ day: day.value, contacts });
}

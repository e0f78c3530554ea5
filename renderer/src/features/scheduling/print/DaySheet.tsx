import { Paper, Text } from '@mantine/core';
import type { DayView } from '../../../../../shared/contract/scheduling';
import { formatPhone } from '../../../../../shared/patients/phone';
import { isLeftInTimeOff } from '../../../../../shared/scheduling/status';
import { dayClock, clockLabel } from '../../../../../shared/scheduling/time';
import { useSessionStore } from '../../../session/session-store';
import { schedulingCall } from '../schedule-api';
import { appointmentTimeRange, birthDateLabel, countOf, longDate, statusLabel } from '../schedule-words';
import { useBookQuery } from '../use-book-query';
import { ReadState } from '../book/ReadState';

/**
 * The day sheet: one page per provider with each visit's time, patient, date of birth, phone, type and reason, all from
 * the one day view (its appointments carry the date of birth and the phone to call). A visit still booked in the
 * provider's time off says so, to be moved. Shown on screen as it will print; "Print day sheet" prints it (the print
 * stylesheet leaves out everything else).
 */
export function DaySheet({ date, providerId, revision }: { date: string; providerId: string | null; revision: number }) {
  const clinicName = useSessionStore((state) => state.clinicName);
  const query = useBookQuery(date, revision, () => schedulingCall((api) => api.day({ date, by: 'provider' })));
  return (
    <ReadState query={query} what="the day sheet" onRetry={query.retry}>
      {(day, busy) => <SheetPages day={day} providerId={providerId} clinicName={clinicName} busy={busy} />}
    </ReadState>
  );
}

function SheetPages({ day, providerId, clinicName, busy }: { day: DayView; providerId: string | null; clinicName: string | null; busy: boolean }) {
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
    <div className="day-sheet print-now" aria-label="Day sheet" role="region" aria-busy={busy}>
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
                  {column.appointments.map((a) => (
                    <tr key={a.id}>
                      <td className="day-sheet-time">{appointmentTimeRange(a)}</td>
                      <td>
                        <strong>{a.patientName}</strong>
                        <br />
                        MRN {a.patientMrn}
                        {a.status !== 'booked' ? ` · ${statusLabel(a.status)}` : ''}
                      </td>
                      <td>{birthDateLabel(a.patientDateOfBirth)}</td>
                      <td>{a.patientPhone ? formatPhone(a.patientPhone) : '—'}</td>
                      <td>
                        {a.typeName}
                        {a.roomName ? `, ${a.roomName}` : ''}
                        {a.overbooked ? ' (overbooked)' : ''}
                        {isLeftInTimeOff(a, column.blocked) ? (
                          <>
                            <br />
                            <strong>In time off: move this visit</strong>
                          </>
                        ) : null}
                      </td>
                      <td>{a.reason ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </div>
  );
}


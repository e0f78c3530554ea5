import type { AppointmentView } from '../../../../../shared/contract/scheduling';
import { useSessionStore } from '../../../session/session-store';
import { appointmentTimeRange, longDate } from '../schedule-words';

/**
 * The appointment card the desk hands or mails to the patient: clinic, who, when, with whom, where. Built as plain
 * DOM text (never markup from data) in a print-only box; the print stylesheet shows that box alone on paper, and it is
 * removed once the print dialog closes. In Electron the print dialog can also save it as a PDF.
 */
export function printAppointmentCard(appointment: AppointmentView): void {
  const clinicName = useSessionStore.getState().clinicName ?? 'Your clinic';
  const box = document.createElement('div');
  box.className = 'print-only print-card-now';
  const card = document.createElement('div');
  card.className = 'appointment-card';
  const heading = document.createElement('h2');
  heading.textContent = clinicName;
  card.append(heading);
  const lines: [string, string][] = [
    ['Appointment for', appointment.patientName],
    ['Date', longDate(appointment.date)],
    ['Time', appointmentTimeRange(appointment)],
    ['With', appointment.providerName],
    ['Visit', appointment.typeName],
  ];
  if (appointment.roomName) lines.push(['Room', appointment.roomName]);
  if (appointment.mode === 'telehealth') lines.push(['Video visit', appointment.telehealthLink ?? 'We will send you the link.']);
  for (const [label, value] of lines) {
    const line = document.createElement('div');
    const strong = document.createElement('strong');
    strong.textContent = `${label}: `;
    line.append(strong, document.createTextNode(value));
    card.append(line);
  }
  const foot = document.createElement('p');
  foot.textContent = 'If you cannot come, please call us so someone else can have the time.';
  card.append(foot);
  box.append(card);
  document.body.append(box);
  const cleanUp = () => {
    box.remove();
    window.removeEventListener('afterprint', cleanUp);
  };
  window.addEventListener('afterprint', cleanUp);
  window.print();
  // If afterprint never comes, do not leave the card behind for the next print.
  window.setTimeout(cleanUp, 60_000);
}

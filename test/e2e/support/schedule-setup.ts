import { expect, type Locator, type Page } from '@playwright/test';
import type { ClinicApi } from '../../../shared/contract';
import type { AppointmentView } from '../../../shared/contract/scheduling';
import { addDays, clinicToday } from '../../../shared/scheduling/time';
import { CLINIC } from './clinic';

/** Today's date on the clinic's clock (the stories' clinic is in New York), and days from it. */
export function clinicDate(offsetDays = 0, now = Date.now()): string {
  return addDays(clinicToday(CLINIC.timeZone, now), offsetDays);
}

/** A row of one of the set-up tables, found by its row header (a provider's, room's or type's name). */
export function setupRow(page: Page, table: string, name: string): Locator {
  return page.getByRole('table', { name: table, exact: true }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
}

export interface ScheduleFixture {
  providers: { id: string; name: string }[];
  roomId: string;
  typeId: string;
  typeName: string;
}

/**
 * Providers working every day around the clock (so "now" is always bookable), one room and one 20-minute type they
 * all offer, through window.clinic as an administrator would set them up.
 */
export async function setUpScheduleThroughBridge(page: Page, providerNames: readonly string[] = ['Dr. Ana Lee', 'Dr. Ben Okafor']): Promise<ScheduleFixture> {
  return page.evaluate(async (providerNames) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const colors = ['#1d4ed8', '#0f766e', '#7e22ce', '#c2410c'];
    const providers: { id: string; name: string }[] = [];
    for (const [index, name] of providerNames.entries()) {
      const saved = await api.saveProvider({ provider: { name, credentials: 'MD', color: colors[index % colors.length] ?? '#1d4ed8', active: true } });
      if (!saved.ok) throw new Error(`scheduling:saveProvider failed: ${saved.error.message}`);
      const week = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, blocks: [{ start: '00:00', end: '24:00' }] }));
      const hours = await api.setWorkingHours({ providerId: saved.value.id, week });
      if (!hours.ok) throw new Error(`scheduling:setWorkingHours failed: ${hours.error.message}`);
      providers.push({ id: saved.value.id, name });
    }
    const room = await api.saveRoom({ room: { name: 'Exam 1', active: true } });
    if (!room.ok) throw new Error(`scheduling:saveRoom failed: ${room.error.message}`);
    const type = await api.saveAppointmentType({
      type: { name: 'Follow-up', durationMinutes: 20, color: '#0e7490', mode: 'in_person', needsRoom: false, bufferAfterMinutes: 0, providerIds: providers.map((p) => p.id), active: true },
    });
    if (!type.ok) throw new Error(`scheduling:saveAppointmentType failed: ${type.error.message}`);
    return { providers, roomId: room.value.id, typeId: type.value.id, typeName: type.value.name };
  }, providerNames);
}

/** Books one appointment through window.clinic; fails the story on a rule problem. */
export async function bookThroughBridge(page: Page, booking: { patientId: string; providerId: string; typeId: string; date: string; time: string }): Promise<AppointmentView> {
  return page.evaluate(async (booking) => {
    const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
    const result = await api.book({ patientId: booking.patientId, providerId: booking.providerId, typeId: booking.typeId, start: { date: booking.date, time: booking.time } });
    if (!result.ok) throw new Error(`scheduling:book failed: ${result.error.message}`);
    if (result.value.outcome !== 'saved') throw new Error(`scheduling:book not saved: ${result.value.problems.map((p) => p.message).join(' ')}`);
    return result.value.appointment;
  }, booking);
}

/** Sets a visit-day status through window.clinic (as another desk would). */
export async function setStatusThroughBridge(page: Page, id: string, status: 'arrived' | 'in_room' | 'confirmed'): Promise<void> {
  await page.evaluate(
    async ({ id, status }) => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic.scheduling;
      const result = await api.setStatus({ id, status });
      if (!result.ok) throw new Error(`scheduling:setStatus failed: ${result.error.message}`);
    },
    { id, status },
  );
}

/** The Schedule screen (Alt+1) and one of its tabs. */
export async function openScheduleTab(page: Page, tab: 'Check-in board' | 'Reminder calls' | 'Waitlist'): Promise<void> {
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule' })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
}

/**
 * The signed-in administrator adds a colleague with `role`; then the colleague signs in on this page and chooses their
 * own password (as they would at first sign-in). Leaves the colleague signed in; the page must reload to show it.
 */
export async function signInAsNewColleague(page: Page, person: { fullName: string; username: string; role: 'front_desk' | 'coordinator' | 'read_only' }): Promise<void> {
  const temporaryPassword = 'blue kettle on the stove';
  await page.evaluate(
    async ({ person, temporaryPassword }) => {
      const api = (window as unknown as { clinic: ClinicApi }).clinic;
      const created = await api.staff.create({ ...person, temporaryPassword });
      if (!created.ok) throw new Error(`staff:create failed: ${created.error.message}`);
      const out = await api.auth.signOut();
      if (!out.ok) throw new Error(`auth:signOut failed: ${out.error.message}`);
      const signedIn = await api.auth.signIn({ username: person.username, password: temporaryPassword });
      if (!signedIn.ok) throw new Error(`auth:signIn failed: ${signedIn.error.message}`);
      const changed = await api.auth.changePassword({ currentPassword: temporaryPassword, newPassword: 'seven quiet harbor lights' });
      if (!changed.ok) throw new Error(`auth:changePassword failed: ${changed.error.message}`);
    },
    { person, temporaryPassword },
  );
}

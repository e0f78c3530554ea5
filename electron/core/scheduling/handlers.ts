import type { Contract } from '../../../shared/contract';
import { ClinicFailure } from '../errors';
import type { HandlerContext, HandlersFor } from '../ipc/dispatcher';
import type { Session } from '../ipc/sessions';
import type { CoreServices } from '../services';
import { createBooking } from './booking';
import { createSchedulingReads } from './reads';
import { createSchedulingSetup } from './setup';
import { createWaitlistEntries } from './waitlist';

function actorOf(context: HandlerContext): Session {
  if (!context.session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
  return context.session;
}

/** `scheduling:*`: the dispatcher has already parsed the payload with the shared schemas and checked the role. */
export function schedulingHandlers({ audit, db, now }: CoreServices): HandlersFor<Pick<Contract, 'scheduling'>>['scheduling'] {
  const deps = { audit, db, now };
  const setup = createSchedulingSetup(deps);
  const booking = createBooking(deps);
  const reads = createSchedulingReads(deps);
  const waitlist = createWaitlistEntries(deps);
  return {
    getSetup: () => setup.getSetup(),
    saveProvider: (input, context) => setup.saveProvider(input, actorOf(context)),
    saveRoom: (input, context) => setup.saveRoom(input, actorOf(context)),
    setWorkingHours: (input, context) => setup.setWorkingHours(input, actorOf(context)),
    saveAppointmentType: (input, context) => setup.saveAppointmentType(input, actorOf(context)),
    listExceptions: (input) => setup.listExceptions(input),
    saveException: (input, context) => setup.saveException(input, actorOf(context)),
    removeException: (input, context) => setup.removeException(input, actorOf(context)),

    day: (input) => reads.day(input),
    week: (input) => reads.week(input),
    month: (input) => reads.month(input),
    dayGrid: (input) => reads.dayGrid(input),
    get: (input, context) => reads.get(input, actorOf(context)),
    patientAppointments: (input) => reads.patientAppointments(input),

    book: (input, context) => booking.book(input, actorOf(context)),
    bookSeries: (input, context) => booking.bookSeries(input, actorOf(context)),
    reschedule: (input, context) => booking.reschedule(input, actorOf(context)),
    updateDetails: (input, context) => booking.updateDetails(input, actorOf(context)),
    cancel: (input, context) => booking.cancel(input, actorOf(context)),
    setStatus: (input, context) => booking.setStatus(input, actorOf(context)),

    checkInBoard: () => reads.checkInBoard(),
    reminderList: (input) => reads.reminderList(input),
    markReminder: (input, context) => booking.markReminder(input, actorOf(context)),

    findSlots: (input) => reads.findSlots(input),
    listWaitlist: (input) => reads.listWaitlist(input),
    saveWaitlistEntry: (input, context) => waitlist.saveWaitlistEntry(input, actorOf(context)),
    waitlistForSlot: (input) => reads.waitlistForSlot(input),
    exportIcs: (input, context) => reads.exportIcs(input, actorOf(context)),
  };
}

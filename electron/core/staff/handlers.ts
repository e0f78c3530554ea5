import type { Contract } from '../../../shared/contract';
import { ClinicFailure } from '../errors';
import type { HandlerContext, HandlersFor } from '../ipc/dispatcher';
import type { Session } from '../ipc/sessions';
import type { CoreServices } from '../services';
import { createStaffService } from './service';

function actorOf(context: HandlerContext): Session {
  if (!context.session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
  return context.session;
}

export function staffHandlers({ access, audit, sessions, db, now }: CoreServices): HandlersFor<Pick<Contract, 'staff'>>['staff'] {
  const staff = createStaffService({ access, audit, sessions, db, now });
  return {
    list: () => staff.list(),
    create: (input, context) => staff.create(input, actorOf(context)),
    update: (input, context) => staff.update(input, actorOf(context)),
    deactivate: (input, context) => staff.deactivate(input, actorOf(context)),
    reactivate: (input, context) => staff.reactivate(input, actorOf(context)),
    resetPassword: (input, context) => staff.resetPassword(input, actorOf(context)),
    unlock: (input, context) => staff.unlock(input, actorOf(context)),
  };
}

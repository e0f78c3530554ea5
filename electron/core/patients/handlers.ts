import type { Contract } from '../../../shared/contract';
import { ClinicFailure } from '../errors';
import type { HandlerContext, HandlersFor } from '../ipc/dispatcher';
import type { Session } from '../ipc/sessions';
import type { CoreServices } from '../services';
import { createPatientsService } from './service';

function actorOf(context: HandlerContext): Session {
  if (!context.session) throw new ClinicFailure('UNAUTHENTICATED', 'Please sign in to continue.');
  return context.session;
}

/** `patients:*`: the dispatcher has already parsed the payload with the shared schemas and checked the role. */
export function patientsHandlers({ audit, db, now }: CoreServices): HandlersFor<Pick<Contract, 'patients'>>['patients'] {
  const patients = createPatientsService({ audit, db, now });
  return {
    search: (input) => patients.search(input),
    get: (input, context) => patients.get(input, actorOf(context)),
    checkDuplicates: (input) => patients.checkDuplicates(input),
    register: (input, context) => patients.register(input, actorOf(context)),
    quickRegister: (input, context) => patients.quickRegister(input, actorOf(context)),
    update: (input, context) => patients.update(input, actorOf(context)),
    saveRelatedPerson: (input, context) => patients.saveRelatedPerson(input, actorOf(context)),
    merge: (input, context) => patients.merge(input, actorOf(context)),
  };
}

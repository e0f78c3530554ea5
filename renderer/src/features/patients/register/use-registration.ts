import { useState } from 'react';
import type { DuplicateCandidate } from '../../../../../shared/contract/patients';
import type { ClinicError, Result } from '../../../../../shared/result';
import type { PatientsApi } from '../patients-api';

export type RegistrationOutcome = Extract<Awaited<ReturnType<PatientsApi['register']>>, { ok: true }>['value'];
type Created = Extract<RegistrationOutcome, { outcome: 'created' }>['patient'];

interface RegistrationHandlers<F> {
  send(fields: F, acknowledgedDuplicateIds: string[]): Promise<Result<RegistrationOutcome>>;
  onCreated(patient: Created, fields: F): void | Promise<void>;
  onFailure(error: ClinicError): void;
}

/**
 * Registration in two steps when main finds people who look the same: the first answer lists them, the person at
 * the desk checks with the caller, and "register anyway" sends the same fields again with those people acknowledged.
 */
export function useRegistration<F>({ send, onCreated, onFailure }: RegistrationHandlers<F>) {
  const [duplicates, setDuplicates] = useState<{ candidates: DuplicateCandidate[]; fields: F } | null>(null);
  const [sending, setSending] = useState(false);

  async function attempt(fields: F, acknowledged: string[]): Promise<void> {
    setSending(true);
    try {
      const result = await send(fields, acknowledged);
      if (!result.ok) {
        setDuplicates(null);
        onFailure(result.error);
      } else if (result.value.outcome === 'possible-duplicates') {
        setDuplicates({ candidates: result.value.candidates, fields });
      } else {
        setDuplicates(null);
        await onCreated(result.value.patient, fields);
      }
    } finally {
      setSending(false);
    }
  }

  return {
    /** People main thinks may be the same person, while the warning is up. */
    duplicates: duplicates?.candidates ?? null,
    sending,
    register: (fields: F) => attempt(fields, []),
    registerAnyway: () => (duplicates ? attempt(duplicates.fields, [...new Set([...duplicates.candidates.map((c) => c.id)])]) : Promise.resolve()),
    closeWarning: () => setDuplicates(null),
  };
}

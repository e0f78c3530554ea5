import { NativeSelect } from '@mantine/core';
import type { UseFormRegisterReturn } from 'react-hook-form';

/** How a form registers `start.occurrence`: the empty choice is "not chosen yet", not a value. */
export const OCCURRENCE_FIELD = { setValueAs: (v: string) => (v === '' ? undefined : v) };

/** On the night the clocks go back a wall-clock time happens twice: the desk says which (booking and rescheduling). */
export function OccurrenceSelect({ registration, error }: { registration: UseFormRegisterReturn; error: string | undefined }) {
  return (
    <NativeSelect
      {...registration}
      label="Which one? The clocks go back that night"
      data={[
        { value: '', label: 'Choose the first or the second' },
        { value: 'first', label: 'The first (before the clocks go back)' },
        { value: 'second', label: 'The second (after the clocks go back)' },
      ]}
      error={error}
    />
  );
}

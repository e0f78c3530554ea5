import { Select } from '@mantine/core';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import type { Role } from '../../../../../shared/roles';
import { ROLE_DESCRIPTIONS, ROLE_OPTIONS } from './staff-forms';

interface RoleSelectProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  error: string | undefined;
}

/** The role list, with what the chosen role may do under it. */
export function RoleSelect<T extends FieldValues>({ control, name, error }: RoleSelectProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const role = (field.value as Role | undefined) ?? null;
        return (
          <Select
            ref={field.ref}
            name={field.name}
            value={role}
            onChange={(value) => field.onChange(value ?? undefined)}
            onBlur={field.onBlur}
            data={ROLE_OPTIONS}
            allowDeselect={false}
            label="Role"
            placeholder="Choose a role"
            description={role ? ROLE_DESCRIPTIONS[role] : 'What this person may see and do in CareDesk.'}
            error={error}
            withAsterisk
          />
        );
      }}
    />
  );
}

import { Select, Stack, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import type { ClinicStepForm } from './setup-forms';
import { timeZoneOptions } from './time-zones';

/** Step 1: the clinic's name (on printouts and the header) and its time zone (appointment times). */
export function ClinicStep({ form }: { form: ClinicStepForm }) {
  const options = useMemo(() => timeZoneOptions(), []);
  const { errors } = form.formState;
  return (
    <Stack gap="md">
      <Text>The clinic’s name, and the time zone its appointment times are in.</Text>
      <TextInput
        {...form.register('clinicName')}
        label="Clinic name"
        description="As patients know it. It appears at the top of CareDesk and on printouts."
        error={errors.clinicName?.message}
        autoComplete="organization"
        withAsterisk
      />
      <Controller
        control={form.control}
        name="timeZone"
        render={({ field }) => (
          <Select
            ref={field.ref}
            name={field.name}
            value={field.value}
            onChange={(value) => field.onChange(value ?? '')}
            onBlur={field.onBlur}
            data={options}
            searchable
            allowDeselect={false}
            nothingFoundMessage="No time zone matches. Try a city name, such as Chicago."
            maxDropdownHeight={280}
            label="Time zone"
            description="Set to this computer's time zone. Type a city to search, for example Denver or New York."
            error={errors.timeZone?.message}
            withAsterisk
          />
        )}
      />
    </Stack>
  );
}

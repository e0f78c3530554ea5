import { DataList, Group, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ConfirmStepForm } from './setup-forms';
import { timeZoneLabel } from './time-zones';

interface FinishStepProps {
  form: ConfirmStepForm;
  confirmNumbers: readonly [number, number];
  summary: { clinicName: string; timeZone: string; fullName: string; username: string };
}

/**
 * Step 4: two groups of the recovery code typed back from the paper (the code is no longer on screen, so this
 * checks the copy, not the typing), a last look at what will be created, and Finish.
 */
export function FinishStep({ form, confirmNumbers, summary }: FinishStepProps) {
  const { errors } = form.formState;
  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Text>
          Take your written or printed copy of the recovery code and type <strong>group {confirmNumbers[0]}</strong> and{' '}
          <strong>group {confirmNumbers[1]}</strong>. This makes sure the copy is right before you rely on it.
        </Text>
        <Group gap="lg" align="flex-start" wrap="nowrap">
          {([0, 1] as const).map((slot) => (
            <TextInput
              key={slot}
              {...form.register(`confirmGroups.${slot}`)}
              label={`Group ${confirmNumbers[slot]}`}
              error={errors.confirmGroups?.[slot]?.message}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={12}
              withAsterisk
              classNames={{ input: 'recovery-group-input' }}
              className="recovery-group-field"
            />
          ))}
        </Group>
      </Stack>

      <Stack gap="xs">
        <Text fw={600}>CareDesk will create:</Text>
        <DataList size="md" labelWidth="11rem" withDivider className="setup-summary">
          <SummaryItem label="Clinic">{summary.clinicName}</SummaryItem>
          <SummaryItem label="Time zone">{timeZoneLabel(summary.timeZone)}</SummaryItem>
          <SummaryItem label="Administrator">
            {summary.fullName} (username {summary.username})
          </SummaryItem>
        </DataList>
        <Text size="sm" c="dimmed">
          Nothing has been saved yet. Finish creates the clinic’s encrypted database and signs you in; it takes a few seconds.
        </Text>
      </Stack>
    </Stack>
  );
}

function SummaryItem({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

import { Button, List, Stack, Text } from '@mantine/core';

export interface RecoveryCodeShown {
  groups: readonly string[];
  /** The two groups (1-based) the administrator retypes at the last step. */
  confirmNumbers: readonly [number, number];
}

interface RecoveryCodeStepProps {
  code: RecoveryCodeShown;
  clinicName: string;
}

/**
 * Step 3: the recovery code, shown once. Big, in groups of four, numbered so "group 3" is easy to find,
 * and printable on its own sheet (the print stylesheet hides everything else).
 */
export function RecoveryCodeStep({ code, clinicName }: RecoveryCodeStepProps) {
  const today = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(new Date());
  return (
    <Stack gap="md">
      <Text>
        This code opens the clinic’s data when an administrator forgets their password, or when CareDesk moves to a new computer. Without it,
        a forgotten administrator password means nobody can open the data again.
      </Text>
      <List spacing={4} className="recovery-advice">
        <List.Item>Write it on paper, or print it, now. It is shown only this once.</List.Item>
        <List.Item>Keep the paper in a safe, locked place, away from this computer.</List.Item>
        <List.Item>Anyone with this code and the computer can open the clinic’s data, so do not photograph it or email it.</List.Item>
      </List>

      <section className="recovery-sheet" aria-labelledby="recovery-sheet-title">
        <div className="recovery-sheet-print-header">
          <p className="recovery-sheet-product">CareDesk recovery code</p>
          <p className="recovery-sheet-clinic">{clinicName}</p>
          <p>Made on {today}</p>
        </div>
        <h3 id="recovery-sheet-title" className="recovery-sheet-title">
          Recovery code
        </h3>
        <ol className="recovery-groups">
          {code.groups.map((group, index) => (
            // Read aloud character by character ("7 K 2 M"), which is how it will be typed back.
            <li key={index} className="recovery-group" aria-label={`Group ${index + 1}: ${group.split('').join(' ')}`}>
              <span className="recovery-group-number" aria-hidden="true">
                Group {index + 1}
              </span>
              <span className="recovery-group-code" aria-hidden="true">
                {group}
              </span>
            </li>
          ))}
        </ol>
        <p className="recovery-sheet-print-footer">
          Keep this sheet in a safe, locked place: anyone with this code and the computer can open the clinic’s data. To use it, choose “Forgot
          password / new computer” on the CareDesk sign-in screen. The code never uses the letters I, L, O or U, so 0 is zero and 1 is one.
        </p>
      </section>

      <Text className="recovery-alphabet-note" size="sm" c="dimmed">
        The code never uses the letters I, L, O or U: every 0 is a zero and every 1 is a one.
      </Text>
      <div>
        <Button variant="default" onClick={() => window.print()}>
          Print the code
        </Button>
      </div>
      <Text fw={600}>When the code is written down or printed, press Next. You will type two of its groups to check your copy.</Text>
    </Stack>
  );
}

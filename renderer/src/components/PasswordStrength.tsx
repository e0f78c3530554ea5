import { Box, Progress, Text, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import { assessPassword, STRENGTH_LABELS, type PasswordStrength as Strength } from '../../../shared/auth/password-policy';

const BAR_COLORS: Record<Strength, string> = { 0: 'red.8', 1: 'orange.8', 2: 'yellow.6', 3: 'teal.7', 4: 'green.8' };

interface PasswordStrengthProps {
  password: string;
  /** Words the password must not be built from: the username and the person's name. */
  userInputs?: readonly string[];
  /** True while the field shows its own error: the same sentence is not printed twice. */
  fieldShowsProblem: boolean;
  id?: string;
}

/**
 * A colored bar and a sentence: how strong the new password is and, when main would refuse it, why.
 * The same check main runs (assessPassword), so what the meter accepts, main accepts.
 * Screen readers hear the sentence once typing pauses, not at every key.
 */
export function PasswordStrength({ password, userInputs = [], fieldShowsProblem, id }: PasswordStrengthProps) {
  const inputsKey = userInputs.join('\u0000');
  // inputsKey stands for userInputs, whose array identity changes at every render.
  const assessment = useMemo(() => assessPassword(password, inputsKey ? inputsKey.split('\u0000') : []), [password, inputsKey]);
  const empty = password.length === 0;
  const label = STRENGTH_LABELS[assessment.strength];
  const problem = empty || fieldShowsProblem ? null : assessment.problem;
  const sentence = empty ? '' : `Strength: ${label}.${problem ? ` ${problem}` : ''}`;
  const [spoken] = useDebouncedValue(sentence, 600);
  return (
    <Box id={id} className="password-strength">
      <Progress
        value={empty ? 0 : (assessment.strength + 1) * 20}
        color={BAR_COLORS[assessment.strength]}
        size="md"
        radius="xl"
        aria-hidden="true"
        className="password-strength-bar"
      />
      <Text size="sm" mt={6} aria-hidden="true" className="password-strength-text" data-strength={empty ? undefined : assessment.strength}>
        {empty ? 'Strength appears as you type.' : (
          <>
            Strength: <strong>{label}</strong>
            {problem ? ` — ${problem}` : null}
          </>
        )}
      </Text>
      <VisuallyHidden role="status">{spoken}</VisuallyHidden>
    </Box>
  );
}

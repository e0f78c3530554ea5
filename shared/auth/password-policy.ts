import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as commonPackage from '@zxcvbn-ts/language-common';
import * as enPackage from '@zxcvbn-ts/language-en';

/**
 * Staff password rules (NIST SP 800-63B style): at least 12 characters, not a common password,
 * no composition rules. The same check runs in the form (for the strength meter) and in main (which enforces it).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

let checker: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...commonPackage.dictionary, ...enPackage.dictionary },
    graphs: commonPackage.adjacencyGraphs,
    translations: enPackage.translations,
    // Bounds on the work per check: the l33t matcher grows steeply with digits and symbols (seconds for a crafted
    // 40-character password with the defaults), and main checks every password a payload carries.
    l33tMaxSubstitutions: 8,
    maxLength: 64,
  });
  return checker;
}

export type PasswordStrength = 0 | 1 | 2 | 3 | 4;
export const STRENGTH_LABELS: Record<PasswordStrength, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

export interface PasswordAssessment {
  strength: PasswordStrength;
  /** Why the password is refused, in words the user can act on; null when it is acceptable. */
  problem: string | null;
}

/** `userInputs` are words the password must not be built from (the username, the person's name, the clinic's name). */
export function assessPassword(password: string, userInputs: string[] = []): PasswordAssessment {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return { strength: 0, problem: `Use at least ${PASSWORD_MIN_LENGTH} characters (a short sentence is easy to remember).` };
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    return { strength: 0, problem: `Use at most ${PASSWORD_MAX_LENGTH} characters.` };
  }
  const result = zxcvbn().check(password, userInputs.filter((w) => w.length > 0));
  const strength = result.score as PasswordStrength;
  const common = result.sequence.some(
    (m) => m.pattern === 'dictionary' && m.dictionaryName === 'passwords' && m.token.length >= password.length - 2,
  );
  if (common || strength < 2) {
    return { strength, problem: 'This password is too common or too easy to guess. Try a few unrelated words.' };
  }
  return { strength, problem: null };
}

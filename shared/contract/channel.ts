import type { z } from 'zod';
import type { Role } from '../roles';
import type { Result } from '../result';

/** Who may call a channel: anyone (before sign-in), or a signed-in user holding one of the roles. */
export type Access = 'public' | readonly Role[];

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** One line, for the developer reading the contract. */
  summary: string;
  input: I;
  output: O;
  access: Access;
  /** Callable by a signed-in user whose window is locked (everything else answers LOCKED). */
  whileLocked?: true;
  /** Callable by a user who must choose a new password first (everything else answers FORBIDDEN). */
  beforePasswordChange?: true;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> {
  return spec;
}

/** The renderer-side function for one channel; the argument is optional when the input may be undefined. */
export type ChannelFunction<S extends ChannelSpec> =
  undefined extends z.input<S['input']>
    ? (input?: z.input<S['input']>) => Promise<Result<z.output<S['output']>>>
    : (input: z.input<S['input']>) => Promise<Result<z.output<S['output']>>>;

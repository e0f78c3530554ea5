import type { z } from 'zod';
import type { ChannelSpec } from '../../../shared/contract/channel';
import { failure, ok, type FieldIssue, type Result } from '../../../shared/result';
import { ClinicFailure } from '../errors';
import { errorKind, type Logger } from '../log';
import { isAppOrigin, type AppOrigin } from './origin';
import type { Session, SessionStore } from './sessions';

export interface DispatchRequest {
  channel: string;
  /** URL of the frame that sent the call (Electron: event.senderFrame.url). */
  senderUrl: string | undefined | null;
  /** Which window or host run the call came from; sessions are kept per client. */
  clientId: string;
  payload: unknown;
}

export interface HandlerContext {
  clientId: string;
  session: Session | null;
}

/** Handlers for a contract: one per channel, typed by that channel's schemas. */
export type HandlersFor<C> = {
  [A in keyof C]: {
    [K in keyof C[A]]: C[A][K] extends ChannelSpec<infer I, infer O>
      ? (input: z.output<I>, context: HandlerContext) => Promise<z.input<O>> | z.input<O>
      : never;
  };
};

type AnyHandler = (input: unknown, context: HandlerContext) => unknown;

export interface Dispatcher {
  dispatch(request: DispatchRequest): Promise<Result<unknown>>;
  readonly channels: readonly string[];
}

/** A signed-in user called a channel their role does not allow. */
export interface DeniedCall {
  channel: string;
  clientId: string;
  session: Session;
}

export interface DispatcherOptions<C> {
  contract: C;
  handlers: HandlersFor<C>;
  sessions: SessionStore;
  origin: AppOrigin;
  log: Logger;
  /** Told about every FORBIDDEN-by-role call (the audit trail records it). Its failure never changes the answer. */
  onDenied?: (call: DeniedCall) => Promise<void> | void;
}

/**
 * The one dispatcher for every channel: sender origin → input schema → session and role → handler → output schema.
 * It never throws; every outcome is a Result with a stable code.
 */
export function createDispatcher<C extends Record<string, Record<string, ChannelSpec>>>(options: DispatcherOptions<C>): Dispatcher {
  const { contract, sessions, origin, log, onDenied } = options;
  const table = new Map<string, { spec: ChannelSpec; handler: AnyHandler }>();
  for (const [area, actions] of Object.entries(contract)) {
    for (const [action, spec] of Object.entries(actions)) {
      const handler = (options.handlers as Record<string, Record<string, AnyHandler> | undefined>)[area]?.[action];
      if (typeof handler !== 'function') throw new Error(`No handler registered for ${area}:${action}`);
      table.set(`${area}:${action}`, { spec, handler });
    }
  }

  async function reportDenied(call: DeniedCall): Promise<void> {
    try {
      await onDenied?.(call);
    } catch (error) {
      log.error('dispatch', 'could not record a denied call', { channel: call.channel, kind: errorKind(error) });
    }
  }

  async function dispatch(request: DispatchRequest): Promise<Result<unknown>> {
    // Origin first: a foreign page learns nothing, not even which channels exist.
    if (!isAppOrigin(request.senderUrl, origin)) {
      // The channel name only when it is one of ours: a foreign caller's string is not echoed into the log.
      log.warn('dispatch', 'rejected call from a foreign origin', { channel: table.has(request.channel) ? request.channel : 'unknown' });
      return failure('FORBIDDEN', 'This request did not come from CareDesk and was refused.');
    }
    const entry = typeof request.channel === 'string' ? table.get(request.channel) : undefined;
    if (!entry) return failure('NOT_FOUND', 'That action does not exist in this version of CareDesk.');
    const parsed = entry.spec.input.safeParse(request.payload);
    if (!parsed.success) {
      return failure('VALIDATION', 'Some of the information is not valid. Check the highlighted fields.', toFieldIssues(parsed.error));
    }
    const session = sessions.get(request.clientId);
    if (entry.spec.access !== 'public') {
      if (!session) return failure('UNAUTHENTICATED', 'Please sign in to continue.');
      if (!entry.spec.access.includes(session.role)) {
        log.warn('dispatch', 'denied by role', { channel: request.channel, role: session.role });
        await reportDenied({ channel: request.channel, clientId: request.clientId, session });
        return failure('FORBIDDEN', 'Your role does not allow this. Ask an administrator if you need it.');
      }
      if (session.lockedAt !== null && entry.spec.whileLocked !== true) {
        return failure('LOCKED', 'The screen is locked. Unlock it to continue.');
      }
      if (session.mustChangePassword && entry.spec.beforePasswordChange !== true) {
        return failure('FORBIDDEN', 'Choose a new password first.');
      }
    }
    try {
      const value = await entry.handler(parsed.data, { clientId: request.clientId, session });
      const output = entry.spec.output.safeParse(value);
      if (!output.success) {
        log.error('dispatch', 'handler returned a value outside its output schema', { channel: request.channel });
        return failure('INTERNAL', 'Something went wrong inside CareDesk. Your data was not changed. Try again.');
      }
      return ok(output.data);
    } catch (error) {
      if (error instanceof ClinicFailure) return failure(error.code, error.message, error.issues);
      // Never the payload, never the message (driver messages can quote values): the error's kind only.
      log.error('dispatch', 'unexpected error', { channel: request.channel, kind: errorKind(error) });
      return failure('INTERNAL', 'Something went wrong inside CareDesk. Your data was not changed. Try again.');
    }
  }

  return { dispatch, channels: [...table.keys()] };
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

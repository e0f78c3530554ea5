import type { Dispatch, RefObject, SetStateAction } from 'react';
import type { AppointmentView } from '../../../../../shared/contract/scheduling';
import { nearestStop, stopAt, stopKey, type BookGridColumn, type BookGridModel, type PlacedBlock } from './grid-model';

/**
 * The book grid's own state: where the keyboard cursor is, the appointment being moved, and the refs and setters its
 * keys and mouse share with the grid (grid-keyboard.ts, use-grid-pointer.ts, BookGrid.tsx).
 */

export interface MoveRequest {
  appointment: AppointmentView;
  from: BookGridColumn;
  to: BookGridColumn;
  offset: number;
  duration: number;
}

/** What the grid asks of its screen. */
export interface BookGridActions {
  canChange: boolean;
  onBook(column: BookGridColumn, offset: number): void;
  onOpen(appointmentId: string): void;
  /** Resolves true when main saved the move; the grid keeps the block at its new place until the next answer. */
  onMove(request: MoveRequest): Promise<boolean>;
  /** Says something about a move or its refusal (the screen's live region). */
  onAnnounce(text: string): void;
}

export interface Cursor {
  col: number;
  key: string;
}

export interface Moving {
  id: string;
  from: number;
  col: number;
  offset: number;
  duration: number;
  source: 'keyboard' | 'pointer';
  /** Sent to main: drawn at its new place until the next answer (or snapped back on refusal). */
  saving: boolean;
}

/** Where a moved appointment would go, drawn over its column. */
export interface Ghost {
  top: number;
  length: number;
  label: string;
  saving: boolean;
}

/** The latest props, model and move (kept in refs so event handlers stay stable) and the grid's state setters. */
export interface GridControls {
  propsRef: RefObject<BookGridActions>;
  modelRef: RefObject<BookGridModel>;
  movingRef: RefObject<Moving | null>;
  /** Set when the cursor should take focus once it is drawn. */
  focusPending: RefObject<boolean>;
  setCursor: Dispatch<SetStateAction<Cursor | null>>;
  setMoving: Dispatch<SetStateAction<Moving | null>>;
}

export function findBlock(model: BookGridModel, id: string): PlacedBlock | undefined {
  for (const column of model.columns) {
    const block = column.blocks.find((b) => b.appointment.id === id);
    if (block) return block;
  }
  return undefined;
}

export function resolveCursor(model: BookGridModel, cursor: Cursor | null): Cursor | null {
  if (model.columns.length === 0) return null;
  if (cursor) {
    const col = Math.min(cursor.col, model.columns.length - 1);
    const column = model.columns[col] as BookGridColumn;
    if (column.stops.some((s) => stopKey(s) === cursor.key)) return { col, key: cursor.key };
    // An appointment that moved to another column (another provider or day) keeps the cursor.
    if (cursor.key.startsWith('a:')) {
      const moved = model.columns.findIndex((c) => c.stops.some((s) => stopKey(s) === cursor.key));
      if (moved >= 0) return { col: moved, key: cursor.key };
    }
    const offset = Number(cursor.key.startsWith('s:') ? cursor.key.slice(2) : NaN);
    const fallback = nearestStop(column, Number.isFinite(offset) ? offset : 0);
    return fallback ? { col, key: stopKey(fallback) } : null;
  }
  // First visit: the first column, at the start of its working hours (or the top).
  const first = model.columns[0] as BookGridColumn;
  const start = first.hours[0]?.top ?? 0;
  const stop = stopAt(first, start, model.step) ?? first.stops[0];
  return stop ? { col: 0, key: stopKey(stop) } : null;
}

export function ghostOf(model: BookGridModel, moving: Moving): Ghost | null {
  const column = model.columns[moving.col];
  if (!column) return null;
  const block = findBlock(model, moving.id);
  const name = block ? block.appointment.patientName : '';
  return {
    top: moving.offset,
    length: moving.duration,
    label: `${column.timeLabelAt(moving.offset)}–${column.timeLabelAt(moving.offset + moving.duration)} ${name}`,
    saving: moving.saving,
  };
}

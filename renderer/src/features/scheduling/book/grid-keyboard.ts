import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { isChangeable } from '../../../../../shared/scheduling/status';
import { MAX_APPOINTMENT_MINUTES } from '../../../../../shared/scheduling/schemas';
import { statusLabel } from '../schedule-words';
import { stopAt, stopKey, type BookGridModel, type PlacedBlock, type Stop } from './grid-model';
import { findBlock, type Cursor, type GridControls, type Moving } from './grid-state';

/**
 * The book grid's keys, made afresh on each draw (they read that draw's cursor and move). Arrows walk free rows and
 * appointments (left/right to the next column at the same time), Page Up/Down an hour, Home/End the column; Enter books
 * a free row or opens an appointment; M picks an appointment up: arrows move it a grid step or a column,
 * Shift+Up/Down change its length, Enter puts it down, Escape leaves it where it was.
 */
export function createGridKeyboard(
  controls: GridControls,
  view: { model: BookGridModel; active: Cursor | null; moving: Moving | null },
  commitMove: (move: Moving) => Promise<void>,
) {
  const { propsRef, modelRef, focusPending, setCursor, setMoving } = controls;
  const { active, moving } = view;
  const { step } = view.model;

  function announceMove(next: Moving) {
    const current = modelRef.current;
    const column = current.columns[next.col];
    const block = findBlock(current, next.id);
    if (!column || !block) return;
    const range = `${column.timeLabelAt(next.offset)}–${column.timeLabelAt(next.offset + next.duration)}`;
    propsRef.current.onAnnounce(`${block.appointment.patientName}: ${range}, ${column.heading}. Arrows move it, Shift with up or down changes its length, Enter puts it here, Escape leaves it where it was.`);
  }

  function beginKeyboardMove(col: number, block: PlacedBlock) {
    if (!propsRef.current.canChange) return;
    if (!isChangeable(block.appointment.status)) {
      propsRef.current.onAnnounce(`${statusLabel(block.appointment.status)} visits cannot be moved. Only booked or confirmed visits can.`);
      return;
    }
    const next: Moving = { id: block.appointment.id, from: col, col, offset: block.top, duration: block.length, source: 'keyboard', saving: false };
    setMoving(next);
    announceMove(next);
  }

  function onKeyDown(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const current = modelRef.current;
    if (moving && !moving.saving && moving.source === 'keyboard') {
      onMoveKey(event, moving);
      return;
    }
    if (!active) return;
    const column = current.columns[active.col];
    if (!column) return;
    const index = column.stops.findIndex((s) => stopKey(s) === active.key);
    const stop = column.stops[index];
    const go = (col: number, target: Stop | undefined) => {
      if (!target) return;
      event.preventDefault();
      focusPending.current = true;
      setCursor({ col, key: stopKey(target) });
    };
    const offsetNow = stop ? Math.max(0, stop.offset) : 0;
    switch (event.key) {
      case 'ArrowDown':
        go(active.col, column.stops[Math.min(index + 1, column.stops.length - 1)]);
        return;
      case 'ArrowUp':
        go(active.col, column.stops[Math.max(index - 1, 0)]);
        return;
      case 'ArrowLeft':
      case 'ArrowRight': {
        const col = active.col + (event.key === 'ArrowLeft' ? -1 : 1);
        const next = current.columns[col];
        if (next) go(col, stopAt(next, offsetNow, step));
        else event.preventDefault();
        return;
      }
      case 'Home':
        go(active.col, column.stops[0]);
        return;
      case 'End':
        go(active.col, column.stops[column.stops.length - 1]);
        return;
      case 'PageDown':
        go(active.col, stopAt(column, Math.min(offsetNow + 60, current.totalMinutes - step), step));
        return;
      case 'PageUp':
        go(active.col, stopAt(column, Math.max(offsetNow - 60, 0), step));
        return;
      case 'Enter':
      case ' ':
        if (!stop) return;
        event.preventDefault();
        if (stop.kind === 'slot') {
          if (propsRef.current.canChange) propsRef.current.onBook(column, stop.offset);
        } else propsRef.current.onOpen(stop.id);
        return;
      case 'm':
      case 'M': {
        if (event.shiftKey || !stop || stop.kind !== 'appt') return;
        const block = column.blocks.find((b) => b.appointment.id === stop.id);
        if (!block) return;
        event.preventDefault();
        beginKeyboardMove(active.col, block);
        return;
      }
      default:
    }
  }

  function onMoveKey(event: ReactKeyboardEvent<HTMLDivElement>, move: Moving) {
    const current = modelRef.current;
    let next: Moving;
    const lastOffset = current.totalMinutes - current.step;
    switch (event.key) {
      case 'ArrowUp':
      case 'ArrowDown': {
        const direction = event.key === 'ArrowUp' ? -1 : 1;
        if (event.shiftKey) {
          const duration = Math.min(MAX_APPOINTMENT_MINUTES, Math.max(5, move.duration + direction * current.step));
          next = { ...move, duration };
        } else {
          next = { ...move, offset: Math.min(lastOffset, Math.max(0, move.offset + direction * current.step)) };
        }
        break;
      }
      case 'ArrowLeft':
      case 'ArrowRight': {
        const col = Math.min(current.columns.length - 1, Math.max(0, move.col + (event.key === 'ArrowLeft' ? -1 : 1)));
        next = { ...move, col };
        break;
      }
      case 'Enter':
        event.preventDefault();
        event.stopPropagation();
        void commitMove(move);
        return;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        setMoving(null);
        propsRef.current.onAnnounce('Move cancelled: the visit stays where it was.');
        return;
      case 'Tab':
        setMoving(null);
        return;
      default:
        if (event.key.length === 1) event.preventDefault(); // no stray shortcuts mid-move
        return;
    }
    event.preventDefault();
    if ((next.offset !== move.offset || next.col !== move.col || next.duration !== move.duration)) {
      setMoving(next);
      announceMove(next);
    }
  }

  return { onKeyDown, beginKeyboardMove };
}

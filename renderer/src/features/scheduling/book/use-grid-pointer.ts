import { useCallback, useEffect, useMemo, useRef, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import { isChangeable } from '../../../../../shared/scheduling/status';
import { MAX_APPOINTMENT_MINUTES } from '../../../../../shared/scheduling/schemas';
import type { ColumnHandlers } from './BookGridColumns';
import { stopAt, stopKey, type BookGridModel } from './grid-model';
import type { GridControls, Moving } from './grid-state';

/**
 * The book grid's mouse: drag an appointment to move it, drag its bottom edge to change its length, click an
 * appointment to open it or a free row to book it, and the "click to book" mark that follows the pointer.
 *
 * Pointer events, no DnD library: pointerdown on a block records where it was taken; window-level pointermove snaps to
 * the grid step and the column under the pointer (a 5px threshold tells a drag from a click); pointerup sends the move.
 * The handlers are stable (they read the latest props, model and move through `controls`), so columns do not redraw.
 */

interface DragStart {
  pointerId: number;
  id: string;
  kind: 'move' | 'resize';
  col: number;
  top: number;
  length: number;
  /** Where in the block the pointer took it, in minutes from its top. */
  grab: number;
  x: number;
  y: number;
  started: boolean;
}

export function useGridPointer(
  controls: GridControls,
  elements: { gridRef: RefObject<HTMLDivElement | null>; scrollRef: RefObject<HTMLDivElement | null> },
  commitMove: (move: Moving) => Promise<void>,
): ColumnHandlers {
  const { propsRef, modelRef, movingRef, focusPending, setCursor, setMoving } = controls;
  const { gridRef, scrollRef } = elements;
  const suppressClick = useRef(false);
  const drag = useRef<DragStart | null>(null);

  const columnElements = useCallback((): HTMLElement[] => Array.from(gridRef.current?.querySelectorAll<HTMLElement>('[data-col-index]') ?? []), [gridRef]);

  const onDragMove = useCallback(
    (event: PointerEvent) => {
      const start = drag.current;
      if (!start || event.pointerId !== start.pointerId) return;
      if (!start.started) {
        if (Math.hypot(event.clientX - start.x, event.clientY - start.y) < 5) return;
        start.started = true;
      }
      const current = modelRef.current;
      const elements = columnElements();
      let col = start.col;
      if (start.kind === 'move') {
        const hit = elements.findIndex((el) => {
          const rect = el.getBoundingClientRect();
          return event.clientX >= rect.left && event.clientX < rect.right;
        });
        if (hit >= 0) col = hit;
        else if (elements.length > 0) col = event.clientX < (elements[0] as HTMLElement).getBoundingClientRect().left ? 0 : elements.length - 1;
      }
      const rect = (elements[col] ?? elements[start.col])?.getBoundingClientRect();
      if (!rect) return;
      const atPointer = (event.clientY - rect.top) / current.pxPerMinute;
      let offset = start.top;
      let duration = start.length;
      if (start.kind === 'move') {
        offset = Math.min(current.totalMinutes - current.step, Math.max(0, Math.round((atPointer - start.grab) / current.step) * current.step));
      } else {
        const end = Math.round(atPointer / current.step) * current.step;
        duration = Math.min(MAX_APPOINTMENT_MINUTES, Math.max(5, end - start.top));
      }
      autoScroll(scrollRef.current, event.clientY);
      setMoving((m) =>
        m && m.id === start.id && m.col === col && m.offset === offset && m.duration === duration
          ? m
          : { id: start.id, from: start.col, col, offset, duration, source: 'pointer', saving: false },
      );
    },
    [columnElements, modelRef, scrollRef, setMoving],
  );

  const onDragEnd = useCallback(
    (event: PointerEvent) => {
      const start = drag.current;
      if (!start || event.pointerId !== start.pointerId) return;
      drag.current = null;
      window.removeEventListener('pointermove', onDragMove);
      window.removeEventListener('pointerup', onDragEnd);
      window.removeEventListener('pointercancel', onDragEnd);
      if (!start.started) return; // a click: the button's onClick opens it
      suppressClick.current = true;
      window.setTimeout(() => (suppressClick.current = false), 0);
      const move = movingRef.current;
      if (event.type === 'pointercancel' || !move || move.id !== start.id) {
        setMoving(null);
        return;
      }
      void commitMove(move);
    },
    [onDragMove, commitMove, movingRef, setMoving],
  );

  useEffect(
    () => () => {
      window.removeEventListener('pointermove', onDragMove);
      window.removeEventListener('pointerup', onDragEnd);
      window.removeEventListener('pointercancel', onDragEnd);
    },
    [onDragMove, onDragEnd],
  );

  const handlers = useMemo<ColumnHandlers>(
    () => ({
      onBlockPointerDown(event, col, block, kind) {
        if (event.button !== 0 || !propsRef.current.canChange || movingRef.current) return;
        if (!isChangeable(block.appointment.status)) return;
        const rect = (event.currentTarget.closest('[data-col-index]') as HTMLElement | null)?.getBoundingClientRect();
        if (!rect) return;
        if (kind === 'resize') event.stopPropagation();
        const current = modelRef.current;
        drag.current = {
          pointerId: event.pointerId,
          id: block.appointment.id,
          kind,
          col,
          top: block.top,
          length: block.length,
          grab: (event.clientY - rect.top) / current.pxPerMinute - block.top,
          x: event.clientX,
          y: event.clientY,
          started: false,
        };
        window.addEventListener('pointermove', onDragMove);
        window.addEventListener('pointerup', onDragEnd);
        window.addEventListener('pointercancel', onDragEnd);
      },
      onBlockFocus(col, id) {
        // Focus that arrives by Tab, a click or a screen reader's own navigation makes that block the grid's cursor.
        setCursor((c) => (c && c.col === col && c.key === `a:${id}` ? c : { col, key: `a:${id}` }));
      },
      onBlockClick(col, id) {
        if (suppressClick.current) return;
        setCursor({ col, key: `a:${id}` });
        propsRef.current.onOpen(id);
      },
      onColumnClick(event, col) {
        if (suppressClick.current || movingRef.current) return;
        if ((event.target as HTMLElement).closest('.book-block, .book-slot')) return;
        const current = modelRef.current;
        const column = current.columns[col];
        const offset = offsetAtPointer(event, current);
        if (!column || offset === null) return;
        const stop = stopAt(column, offset, current.step);
        if (!stop) return;
        setCursor({ col, key: stopKey(stop) });
        focusPending.current = true;
        if (stop.kind === 'slot' && propsRef.current.canChange) propsRef.current.onBook(column, stop.offset);
        else if (stop.kind === 'appt') propsRef.current.onOpen(stop.id);
      },
      onColumnPointerMove(event, col) {
        const hover = event.currentTarget.querySelector<HTMLElement>(':scope > .book-hover');
        if (!hover) return;
        const current = modelRef.current;
        const column = current.columns[col];
        const offset = offsetAtPointer(event, current);
        const overBlock = (event.target as HTMLElement).closest('.book-block, .book-slot') !== null;
        if (!column || offset === null || overBlock || drag.current || !propsRef.current.canChange) {
          hover.hidden = true;
          return;
        }
        const row = Math.floor(offset / current.step) * current.step;
        hover.hidden = false;
        hover.style.top = `${row * current.pxPerMinute}px`;
        hover.style.height = `${current.step * current.pxPerMinute}px`;
        hover.textContent = `${column.timeLabelAt(row)} — click to book`;
      },
      onColumnPointerLeave(event) {
        const hover = event.currentTarget.querySelector<HTMLElement>(':scope > .book-hover');
        if (hover) hover.hidden = true;
      },
    }),
    [onDragMove, onDragEnd, propsRef, modelRef, movingRef, focusPending, setCursor],
  );

  return handlers;
}

function offsetAtPointer(event: ReactPointerEvent<HTMLElement> | ReactMouseEvent<HTMLElement>, model: BookGridModel): number | null {
  const rect = event.currentTarget.getBoundingClientRect();
  const offset = (event.clientY - rect.top) / model.pxPerMinute;
  if (offset < 0 || offset >= model.totalMinutes) return null;
  return offset;
}

function autoScroll(scroller: HTMLElement | null, clientY: number): void {
  if (!scroller) return;
  const rect = scroller.getBoundingClientRect();
  if (clientY < rect.top + 48) scroller.scrollTop -= 12;
  else if (clientY > rect.bottom - 24) scroller.scrollTop += 12;
}


import { forwardRef, useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { BookColumnView, ColumnHeading, TimeGutter } from './BookGridColumns';
import { createGridKeyboard } from './grid-keyboard';
import type { BookGridColumn, BookGridModel } from './grid-model';
import { findBlock, ghostOf, resolveCursor, type BookGridActions, type Cursor, type GridControls, type Moving } from './grid-state';
import { useGridPointer } from './use-grid-pointer';

export type { MoveRequest } from './grid-state';

/**
 * The appointment book's grid: a time gutter and one column per provider, room or day.
 *
 * Drawn for speed: a column is one element whose row lines are a CSS background; working hours and blocked time are a
 * few bands; appointments are absolutely positioned buttons. Empty slots are not elements at all: the keyboard cursor
 * is one button drawn where it is (a roving tab stop), and the mouse's hover mark is one element per column moved
 * without React. Columns are memoized, so moving the cursor or dragging redraws only the columns concerned.
 *
 * Keyboard: arrows move between free rows and appointments (left/right to the next column at the same time), Enter
 * books a free row or opens an appointment, M picks an appointment up to move it (arrows, Shift+arrows to change its
 * length, Enter to put it down, Escape to leave it). Mouse: click a free row to book, drag an appointment to move it,
 * drag its bottom edge to change its length.
 *
 * This file keeps the cursor, the move in progress, focus and scrolling; what is drawn is in BookGridColumns.tsx, the
 * keys in grid-keyboard.ts, the mouse in use-grid-pointer.ts.
 */

export interface BookGridHandle {
  /** Puts keyboard focus back on the grid's cursor (after a dialog closes). */
  focusCursor(): void;
  /** Picks an appointment up for a keyboard move (the details dialog's "Move" button). */
  startKeyboardMove(appointmentId: string): void;
}

interface BookGridProps extends BookGridActions {
  model: BookGridModel;
  /** "Appointment book, Tuesday, March 10, 2026, by provider". */
  label: string;
  busy: boolean;
  focusAppointmentId: string | null;
  onFocusTaken(): void;
  /** Take keyboard focus once drawn (a day opened from the month with Enter). */
  focusOnShow?: boolean;
  onFocusShown?(): void;
  describedBy?: string;
}

export const BookGrid = forwardRef<BookGridHandle, BookGridProps>(function BookGrid(props, ref) {
  const { model, canChange } = props;
  const { columns, step, pxPerMinute, totalMinutes } = model;
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [moving, setMoving] = useState<Moving | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);

  const propsRef = useRef(props);
  const modelRef = useRef(model);
  const movingRef = useRef(moving);
  useEffect(() => {
    propsRef.current = props;
    modelRef.current = model;
    movingRef.current = moving;
  });
  // Refs and state setters only: one object for the grid's whole life, so the column handlers stay stable.
  const [controls] = useState<GridControls>(() => ({ propsRef, modelRef, movingRef, focusPending, setCursor, setMoving }));

  // ── Where the cursor is (kept valid as answers come and go) ──
  const active = useMemo(() => resolveCursor(model, cursor), [model, cursor]);

  // A saved move is drawn at its new place until main's next answer arrives; then the real block is there.
  useEffect(() => {
    setMoving((current) => (current?.saving ? null : current));
  }, [model]);

  // A day opened from the month: the grid takes focus once, where its cursor starts.
  const { focusOnShow, onFocusShown } = props;
  useEffect(() => {
    if (!focusOnShow) return;
    focusPending.current = true;
    setCursor((c) => (c ? { ...c } : c));
    onFocusShown?.();
  }, [focusOnShow, onFocusShown]);

  // After a booking or a move: focus that appointment once it is drawn.
  const { focusAppointmentId, onFocusTaken } = props;
  useEffect(() => {
    if (!focusAppointmentId) return;
    for (let col = 0; col < model.columns.length; col += 1) {
      const column = model.columns[col] as BookGridColumn;
      if (column.blocks.some((b) => b.appointment.id === focusAppointmentId)) {
        setCursor({ col, key: `a:${focusAppointmentId}` });
        focusPending.current = true;
        onFocusTaken();
        return;
      }
    }
  }, [model, focusAppointmentId, onFocusTaken]);

  // Focus follows the cursor when asked, and when the focused block was redrawn elsewhere (a move saved to another
  // column removes the old element, which would drop focus on the page body).
  const hadFocus = useRef(false);
  useLayoutEffect(() => {
    if (focusPending.current && !gridRef.current?.querySelector('[data-cursor]')) return;
    const lost = hadFocus.current && (document.activeElement === document.body || document.activeElement === null);
    if (!focusPending.current && !lost) return;
    focusPending.current = false;
    gridRef.current?.querySelector<HTMLElement>('[data-cursor]')?.focus();
  });

  // A new day or week scrolls to the start of the working day, or (today) to keep the current time in view.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const current = modelRef.current;
    if (!scroller) return;
    const px = current.pxPerMinute;
    const firstWork = Math.min(...current.columns.map((c) => c.hours[0]?.top ?? Infinity), ...current.columns.map((c) => c.blocks[0]?.top ?? Infinity));
    const start = Number.isFinite(firstWork) ? Math.max(0, firstWork - 15) * px : 0;
    const today = current.columns.find((c) => c.isToday);
    const now = today ? today.toOffset(Date.now()) * px : null;
    scroller.scrollTop = now !== null && now - start > scroller.clientHeight * 0.7 ? now - scroller.clientHeight / 3 : start;
  }, [model.identity]);

  // The grid fills the window below the toolbar (it scrolls inside itself, keeping names and times in view).
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const measure = () => scroller.style.setProperty('--book-top', `${Math.round(scroller.getBoundingClientRect().top + window.scrollY)}px`);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const commitMove = useCallback(async (move: Moving) => {
    const current = modelRef.current;
    const block = findBlock(current, move.id);
    const from = current.columns[move.from];
    const to = current.columns[move.col];
    if (!block || !from || !to) {
      setMoving(null);
      return;
    }
    if (move.col === move.from && move.offset === block.top && move.duration === block.length) {
      setMoving(null);
      propsRef.current.onAnnounce('Left where it was.');
      return;
    }
    setMoving({ ...move, saving: true });
    const saved = await propsRef.current.onMove({ appointment: block.appointment, from, to, offset: move.offset, duration: move.duration });
    if (!saved) {
      setMoving(null); // snaps back
      setCursor({ col: move.from, key: `a:${move.id}` });
      focusPending.current = move.source === 'keyboard';
    }
  }, []);

  const keyboard = createGridKeyboard(controls, { model, active, moving }, commitMove);

  useImperativeHandle(
    ref,
    () => ({
      focusCursor() {
        focusPending.current = true;
        setCursor((c) => (c ? { ...c } : c));
      },
      startKeyboardMove(appointmentId) {
        const current = modelRef.current;
        for (let col = 0; col < current.columns.length; col += 1) {
          const block = (current.columns[col] as BookGridColumn).blocks.find((b) => b.appointment.id === appointmentId);
          if (block) {
            setCursor({ col, key: `a:${appointmentId}` });
            focusPending.current = true;
            keyboard.beginKeyboardMove(col, block);
            return;
          }
        }
      },
    }),
    [],
  );

  // Mouse: drag to move, drag the bottom edge to resize, click a free row to book.
  const handlers = useGridPointer(controls, { gridRef, scrollRef }, commitMove);

  const gridStyle = { '--book-columns': columns.length, '--book-col-min': columns.length > 6 ? '7rem' : '8.5rem', '--book-row-h': `${model.rowHeight}px`, '--book-hour-h': `${(60 / step) * model.rowHeight}px` } as CSSProperties;
  const activeMoving = moving;
  const height = totalMinutes * pxPerMinute;

  return (
    <div className="book-scroll" ref={scrollRef} data-busy={props.busy || undefined}>
      <div
        ref={gridRef}
        className="book-grid"
        role="group"
        aria-label={props.label}
        aria-describedby={props.describedBy}
        aria-busy={props.busy}
        style={gridStyle}
        onKeyDown={keyboard.onKeyDown}
        onFocus={() => (hadFocus.current = true)}
        onBlur={(event) => {
          const left = event.target;
          if (event.relatedTarget !== null) {
            if (!gridRef.current?.contains(event.relatedTarget as Node)) hadFocus.current = false;
            return;
          }
          // Focus went nowhere: a click outside (the element is still there), or the element was redrawn (it is not).
          window.setTimeout(() => {
            if (left.isConnected) hadFocus.current = false;
          }, 0);
        }}
      >
        <div className="book-corner" aria-hidden="true" />
        {columns.map((column) => (
          <ColumnHeading key={column.key} column={column} />
        ))}
        <TimeGutter model={model} height={height} />
        {columns.map((column, col) => (
          <BookColumnView
            key={column.key}
            column={column}
            col={col}
            height={height}
            pxPerMinute={pxPerMinute}
            totalMinutes={totalMinutes}
            step={step}
            activeKey={active?.col === col ? active.key : null}
            fadedId={activeMoving ? activeMoving.id : null}
            ghost={activeMoving && activeMoving.col === col ? ghostOf(model, activeMoving) : null}
            canChange={canChange}
            handlers={handlers}
          />
        ))}
      </div>
    </div>
  );
});

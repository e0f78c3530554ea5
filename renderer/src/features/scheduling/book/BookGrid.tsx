import {
  Fragment,
  forwardRef,
  memo,
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import type { AppointmentView } from '../../../../../shared/contract/scheduling';
import { isChangeable } from '../../../../../shared/scheduling/status';
import { MAX_APPOINTMENT_MINUTES } from '../../../../../shared/scheduling/schemas';
import { seriesKindShort } from '../dialogs/series/recurrence';
import { useSeriesKind } from '../dialogs/series/series-kinds';
import { appointmentAccessibleName, hhmmLabel, STATUS_MARKS, statusLabel } from '../schedule-words';
import { nearestStop, stopAt, stopKey, type BookGridColumn, type BookGridModel, type PlacedBlock, type Stop } from './grid-model';

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
 */

export interface MoveRequest {
  appointment: AppointmentView;
  from: BookGridColumn;
  to: BookGridColumn;
  offset: number;
  duration: number;
}

export interface BookGridHandle {
  /** Puts keyboard focus back on the grid's cursor (after a dialog closes). */
  focusCursor(): void;
  /** Picks an appointment up for a keyboard move (the details dialog's "Move" button). */
  startKeyboardMove(appointmentId: string): void;
}

interface BookGridProps {
  model: BookGridModel;
  /** "Appointment book, Tuesday, March 10, 2026, by provider". */
  label: string;
  busy: boolean;
  canChange: boolean;
  /** Clinic "now" for the current-time line (epoch ms), or null to read the clock. */
  onBook(column: BookGridColumn, offset: number): void;
  onOpen(appointmentId: string): void;
  /** Resolves true when main saved the move; the grid keeps the block at its new place until the next answer. */
  onMove(request: MoveRequest): Promise<boolean>;
  /** Says something about a move or its refusal (the screen's live region). */
  onAnnounce(text: string): void;
  focusAppointmentId: string | null;
  onFocusTaken(): void;
  /** Take keyboard focus once drawn (a day opened from the month with Enter). */
  focusOnShow?: boolean;
  onFocusShown?(): void;
  describedBy?: string;
}

interface Cursor {
  col: number;
  key: string;
}

interface Moving {
  id: string;
  from: number;
  col: number;
  offset: number;
  duration: number;
  source: 'keyboard' | 'pointer';
  /** Sent to main: drawn at its new place until the next answer (or snapped back on refusal). */
  saving: boolean;
}

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

export const BookGrid = forwardRef<BookGridHandle, BookGridProps>(function BookGrid(props, ref) {
  const { model, canChange } = props;
  const { columns, step, pxPerMinute, totalMinutes } = model;
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [moving, setMoving] = useState<Moving | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusPending = useRef(false);
  const suppressClick = useRef(false);
  const drag = useRef<DragStart | null>(null);

  const propsRef = useRef(props);
  const modelRef = useRef(model);
  const movingRef = useRef(moving);
  useEffect(() => {
    propsRef.current = props;
    modelRef.current = model;
    movingRef.current = moving;
  });

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
            beginKeyboardMove(col, block);
            return;
          }
        }
      },
    }),
    [],
  );

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

  // ── Keyboard ──
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

  // ── Pointer: drag to move, drag the bottom edge to resize, click a free row to book ──
  const columnElements = useCallback((): HTMLElement[] => Array.from(gridRef.current?.querySelectorAll<HTMLElement>('[data-col-index]') ?? []), []);

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
    [columnElements],
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
    [onDragMove, commitMove],
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
    [onDragMove, onDragEnd],
  );

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
        onKeyDown={onKeyDown}
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

function findBlock(model: BookGridModel, id: string): PlacedBlock | undefined {
  for (const column of model.columns) {
    const block = column.blocks.find((b) => b.appointment.id === id);
    if (block) return block;
  }
  return undefined;
}

function resolveCursor(model: BookGridModel, cursor: Cursor | null): Cursor | null {
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

interface Ghost {
  top: number;
  length: number;
  label: string;
  saving: boolean;
}

function ghostOf(model: BookGridModel, moving: Moving): Ghost | null {
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

// ── Pieces ───────────────────────────────────────────────────────────────────────────────────────────────────

const ColumnHeading = memo(function ColumnHeading({ column }: { column: BookGridColumn }) {
  // Each piece kept whole ("13:00–17:00" never breaks at its dash); the pieces wrap between them.
  const pieces = [column.subheading, ...column.hoursText.split(', ')].filter((p): p is string => !!p);
  return (
    <div className="book-col-heading" data-today={column.isToday || undefined}>
      <div className="book-col-name">
        {column.color && <span className="book-col-dot" style={{ background: column.color }} aria-hidden="true" />}
        <span>{column.heading}</span>
      </div>
      {pieces.length > 0 && (
        <div className="book-col-hours">
          {pieces.map((piece, i) => (
            <Fragment key={`${piece}-${i}`}>
              {i > 0 ? (i === 1 && column.subheading ? ' · ' : ', ') : ''}
              <span className="book-col-piece">{piece}</span>
            </Fragment>
          ))}
        </div>
      )}
    </div>
  );
});

const TimeGutter = memo(function TimeGutter({ model, height }: { model: BookGridModel; height: number }) {
  const today = model.columns.find((c) => c.isToday);
  return (
    <div className="book-gutter" style={{ height }} aria-hidden="true">
      {model.rows.map((row, i) =>
        row.minutes % 30 === 0 ? (
          <span key={`${row.time}-${row.occurrence ?? ''}-${i}`} className="book-gutter-label" data-hour={row.minutes % 60 === 0 || undefined} style={{ top: i * model.rowHeight }}>
            {row.label}
          </span>
        ) : null,
      )}
      {today && <NowLine column={today} pxPerMinute={model.pxPerMinute} totalMinutes={model.totalMinutes} withLabel />}
    </div>
  );
});

interface ColumnHandlers {
  onBlockPointerDown(event: ReactPointerEvent<HTMLElement>, col: number, block: PlacedBlock, kind: 'move' | 'resize'): void;
  onBlockClick(col: number, id: string): void;
  onBlockFocus(col: number, id: string): void;
  onColumnClick(event: ReactMouseEvent<HTMLDivElement>, col: number): void;
  onColumnPointerMove(event: ReactPointerEvent<HTMLDivElement>, col: number): void;
  onColumnPointerLeave(event: ReactPointerEvent<HTMLDivElement>): void;
}

interface ColumnViewProps {
  column: BookGridColumn;
  col: number;
  height: number;
  pxPerMinute: number;
  totalMinutes: number;
  step: number;
  /** The roving tab stop, when it is in this column. */
  activeKey: string | null;
  /** Being moved: drawn faded at its old place. */
  fadedId: string | null;
  ghost: Ghost | null;
  canChange: boolean;
  handlers: ColumnHandlers;
}

const BookColumnView = memo(function BookColumnView(props: ColumnViewProps) {
  const { column, col, pxPerMinute, activeKey, handlers } = props;
  const px = (minutes: number) => minutes * pxPerMinute;
  const slotOffset = activeKey?.startsWith('s:') ? Number(activeKey.slice(2)) : null;
  return (
    <div
      className="book-col"
      data-col-index={col}
      data-today={column.isToday || undefined}
      style={{ height: props.height }}
      role="group"
      aria-label={column.kind === 'day' ? column.heading : `${column.heading}${column.hoursText ? `, ${column.hoursText}` : ''}`}
      onClick={(event) => handlers.onColumnClick(event, col)}
      onPointerMove={(event) => handlers.onColumnPointerMove(event, col)}
      onPointerLeave={handlers.onColumnPointerLeave}
    >
      {column.hours.map((band) => (
        <div key={`h${band.top}`} className="book-hours" style={{ top: px(band.top), height: px(band.end - band.top) }} />
      ))}
      {column.blocked.map((band) => (
        <div key={`b${band.top}-${band.kind}`} className="book-blocked" data-kind={band.kind} style={{ top: px(band.top), height: px(band.end - band.top) }}>
          <span className="book-blocked-label">{blockedLabel(band.kind, band.note)}</span>
        </div>
      ))}
      <div className="book-hover" hidden aria-hidden="true" />
      {slotOffset !== null && (
        <button
          type="button"
          className="book-slot"
          data-cursor
          tabIndex={0}
          style={{ top: px(slotOffset), height: px(props.step) }}
          aria-label={`${column.heading}, ${column.timeLabelAt(slotOffset)}, free.${props.canChange ? ' Press Enter to book.' : ''}`}
        >
          <span aria-hidden="true">{props.canChange ? `+ ${column.timeLabelAt(slotOffset)} Book` : column.timeLabelAt(slotOffset)}</span>
        </button>
      )}
      {/* A block being moved stays where it was (faded, keeping keyboard focus) while its ghost shows where it goes. */}
      {column.blocks.map((block) => (
        <AppointmentBlock
          key={block.appointment.id}
          block={block}
          col={col}
          pxPerMinute={pxPerMinute}
          active={activeKey === `a:${block.appointment.id}`}
          faded={block.appointment.id === props.fadedId}
          canResize={props.canChange && isChangeable(block.appointment.status)}
          handlers={handlers}
        />
      ))}
      {props.ghost && (
        <div className="book-ghost" data-saving={props.ghost.saving || undefined} style={{ top: px(props.ghost.top), height: px(props.ghost.length) }} aria-hidden="true">
          {props.ghost.label}
        </div>
      )}
      {column.isToday && <NowLine column={column} pxPerMinute={pxPerMinute} totalMinutes={props.totalMinutes} />}
    </div>
  );
});

function blockedLabel(kind: 'vacation' | 'blocked' | 'holiday', note: string | null): string {
  const word = kind === 'holiday' ? 'Clinic closed' : kind === 'vacation' ? 'Away' : 'Blocked';
  return note ? `${word}: ${note}` : word;
}

interface BlockProps {
  block: PlacedBlock;
  col: number;
  pxPerMinute: number;
  active: boolean;
  faded: boolean;
  canResize: boolean;
  handlers: ColumnHandlers;
}

const AppointmentBlock = memo(function AppointmentBlock({ block, col, pxPerMinute, active, faded, canResize, handlers }: BlockProps) {
  const { appointment } = block;
  // Visits at the same time cascade: each later lane is indented and drawn on top, so the top one reads in full and
  // the ones under it show their edge (mark and color); all of them stay clickable and in the keyboard order.
  const indent = `${block.lane * 1.6}rem`;
  const height = Math.max(block.length * pxPerMinute, 14);
  // Short visits get one line (the mark says the status, the legend says what the mark means); taller ones two.
  const size = height < 24 ? 'tiny' : height < 44 ? 'short' : 'tall';
  const seriesKind = useSeriesKind(appointment.seriesId);
  const name = appointmentAccessibleName(appointment, seriesKind);
  const style = {
    top: block.top * pxPerMinute,
    height,
    left: `calc(${indent} + 3px)`,
    width: `calc(100% - ${indent} - 6px)`,
    zIndex: 3 + block.lane,
    '--type-color': appointment.color,
  } as CSSProperties;
  return (
    <button
      type="button"
      className="book-block"
      data-size={size}
      data-status={appointment.status}
      data-overbooked={appointment.overbooked || undefined}
      data-lane={block.lane > 0 || undefined}
      data-faded={faded || undefined}
      data-cursor={active || undefined}
      data-appointment-id={appointment.id}
      tabIndex={active ? 0 : -1}
      aria-label={name}
      title={name}
      style={style}
      onPointerDown={(event) => handlers.onBlockPointerDown(event, col, block, 'move')}
      onClick={() => handlers.onBlockClick(col, appointment.id)}
      onFocus={() => handlers.onBlockFocus(col, appointment.id)}
    >
      <span className="book-block-line" aria-hidden="true">
        <span className="book-block-mark">{STATUS_MARKS[appointment.status]}</span>
        {appointment.overbooked && <span className="book-block-flag">⚠</span>}
        {appointment.seriesId !== null && <span className="book-block-series">↻</span>}
        <span className="book-block-time">{hhmmLabel(appointment.startTime)}</span> <span className="book-block-name">{appointment.patientName}</span>
      </span>
      {size === 'tall' && (
        <span className="book-block-line book-block-meta" aria-hidden="true">
          {appointment.overbooked ? 'Overbooked · ' : ''}
          {statusLabel(appointment.status)} · {appointment.typeName}
          {appointment.seriesId !== null ? ` · ${seriesKindShort(seriesKind)}` : ''}
          {appointment.roomName ? ` · ${appointment.roomName}` : ''}
        </span>
      )}
      {canResize && <span className="book-block-resize" aria-hidden="true" onPointerDown={(event) => handlers.onBlockPointerDown(event, col, block, 'resize')} />}
    </button>
  );
});

/** The current-time line: its own clock, so the minute ticking by redraws one line, not the book. In the gutter it says the time. */
function NowLine({ column, pxPerMinute, totalMinutes, withLabel = false }: { column: BookGridColumn; pxPerMinute: number; totalMinutes: number; withLabel?: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const offset = column.toOffset(now);
  if (offset < 0 || offset > totalMinutes) return null;
  return (
    <div className={withLabel ? 'book-now book-now-gutter' : 'book-now'} style={{ top: offset * pxPerMinute }} aria-hidden="true">
      {withLabel && <span className="book-now-label">{column.timeLabelAt(Math.floor(offset))}</span>}
    </div>
  );
}

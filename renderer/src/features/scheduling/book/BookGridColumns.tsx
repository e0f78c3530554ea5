import { Fragment, memo, useEffect, useState, type CSSProperties, type MouseEvent as ReactMouseEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { isChangeable } from '../../../../../shared/scheduling/status';
import { seriesKindShort } from '../dialogs/series/recurrence';
import { appointmentAccessibleName, hhmmLabel, STATUS_MARKS, statusLabel } from '../schedule-words';
import type { BookGridColumn, BookGridModel, PlacedBlock } from './grid-model';
import type { Ghost } from './grid-state';

/**
 * What the book grid draws: column headings, the time gutter, and each column with its bands, the keyboard cursor's
 * free row, its appointments, a moved appointment's ghost and the current-time line. All memoized, so moving the
 * cursor or dragging redraws only the columns concerned; the events go to the grid's handlers (use-grid-pointer.ts).
 */

export const ColumnHeading = memo(function ColumnHeading({ column }: { column: BookGridColumn }) {
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

export const TimeGutter = memo(function TimeGutter({ model, height }: { model: BookGridModel; height: number }) {
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

export interface ColumnHandlers {
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

export const BookColumnView = memo(function BookColumnView(props: ColumnViewProps) {
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
  const name = `${appointmentAccessibleName(appointment)}${block.inTimeOff ? ', in time off: move this visit' : ''}`;
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
      data-time-off={block.inTimeOff || undefined}
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
        {(appointment.overbooked || block.inTimeOff) && <span className="book-block-flag">⚠</span>}
        {appointment.seriesId !== null && <span className="book-block-series">↻</span>}
        <span className="book-block-time">{hhmmLabel(appointment.startTime)}</span> <span className="book-block-name">{appointment.patientName}</span>
      </span>
      {size === 'tall' && (
        <span className="book-block-line book-block-meta" aria-hidden="true">
          {appointment.overbooked ? 'Overbooked · ' : ''}
          {block.inTimeOff ? 'In time off: move it · ' : ''}
          {statusLabel(appointment.status)} · {appointment.typeName}
          {appointment.seriesId !== null ? ` · ${seriesKindShort(appointment.series?.recurrence)}` : ''}
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

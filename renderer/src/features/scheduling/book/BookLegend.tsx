import { STATUS_MARKS, statusLabel } from '../schedule-words';

const SHOWN = ['booked', 'confirmed', 'arrived', 'in_room', 'checked_out', 'no_show'] as const;

/** What the marks and shades in the grid mean (so none of them rests on color alone). */
export function BookLegend() {
  return (
    <div className="book-legend no-print" aria-label="What the book shows" role="group">
      {SHOWN.map((status) => (
        <span key={status} className="book-legend-item">
          <span aria-hidden="true">{STATUS_MARKS[status]}</span> {statusLabel(status)}
        </span>
      ))}
      <span className="book-legend-item">
        <span className="book-legend-swatch" data-kind="overbooked" aria-hidden="true" /> ⚠ Overbooked
      </span>
      <span className="book-legend-item">
        <span className="book-legend-swatch" data-kind="time-off" aria-hidden="true" /> ⚠ In time off: move it
      </span>
      <span className="book-legend-item">
        <span aria-hidden="true">↻</span> Part of a series
      </span>
      <span className="book-legend-item">
        <span className="book-legend-swatch" data-kind="hours" aria-hidden="true" /> Working hours
      </span>
      <span className="book-legend-item">
        <span className="book-legend-swatch" data-kind="outside" aria-hidden="true" /> Outside hours
      </span>
      <span className="book-legend-item">
        <span className="book-legend-swatch" data-kind="blocked" aria-hidden="true" /> Blocked, away or closed
      </span>
    </div>
  );
}

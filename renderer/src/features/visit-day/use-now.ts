import { useEffect, useState } from 'react';

/**
 * The time now, moved on by a timer so waiting times count up without a reload. Ticks every 15 seconds, so a
 * minute never shows late by more than that (the board's figures are whole minutes).
 */
export function useNow(tickMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), tickMs);
    return () => window.clearInterval(timer);
  }, [tickMs]);
  return now;
}

/**
 * The colors a provider or an appointment type can have: each named (the name is what a screen reader reads and what
 * the desk says out loud), and each dark enough for white text at WCAG AA (≥ 4.5:1), so the book can write on it.
 * Neighbours in the list differ in hue and lightness, so a day with several providers stays easy to tell apart.
 */
export const SCHEDULE_PALETTE = [
  { name: 'Blue', hex: '#1d4ed8' },
  { name: 'Teal', hex: '#0f766e' },
  { name: 'Purple', hex: '#7e22ce' },
  { name: 'Orange', hex: '#c2410c' },
  { name: 'Green', hex: '#15803d' },
  { name: 'Rose', hex: '#be123c' },
  { name: 'Indigo', hex: '#4338ca' },
  { name: 'Brown', hex: '#92400e' },
  { name: 'Cyan', hex: '#0e7490' },
  { name: 'Magenta', hex: '#a21caf' },
  { name: 'Olive', hex: '#4d7c0f' },
  { name: 'Slate', hex: '#475569' },
] as const;

/** "Blue", or the hex code for a color set some other way. */
export function colorName(hex: string): string {
  return SCHEDULE_PALETTE.find((color) => color.hex === hex.toLowerCase())?.name ?? hex;
}

/** The first palette color nobody uses yet (or the least used), for a new provider or type. */
export function unusedColor(used: readonly string[]): string {
  const counts = new Map<string, number>(SCHEDULE_PALETTE.map((color) => [color.hex, 0]));
  for (const hex of used) counts.set(hex.toLowerCase(), (counts.get(hex.toLowerCase()) ?? 0) + 1);
  let best: string = SCHEDULE_PALETTE[0].hex;
  for (const color of SCHEDULE_PALETTE) if ((counts.get(color.hex) ?? 0) < (counts.get(best) ?? 0)) best = color.hex;
  return best;
}

import data from './nicknames.json';

/**
 * Given-name nicknames (Bob/Robert, Bill/William, Liz/Elizabeth, Peggy/Margaret...), from the curated table in
 * nicknames.json. Names are compared folded (lower case, no accents), one word each.
 */

const NAMES = (data as { names: Record<string, string[]> }).names;

/** Every name → the names it is a formal or short form of (both directions). */
const RELATED = new Map<string, Set<string>>();
/** Short form → its formal names, to tell "both short for Robert" apart. */
const FORMAL_OF = new Map<string, Set<string>>();

function link(a: string, b: string): void {
  if (a === b) return;
  let set = RELATED.get(a);
  if (!set) RELATED.set(a, (set = new Set()));
  set.add(b);
}

for (const [formal, shorts] of Object.entries(NAMES)) {
  for (const short of shorts) {
    link(formal, short);
    link(short, formal);
    let formals = FORMAL_OF.get(short);
    if (!formals) FORMAL_OF.set(short, (formals = new Set()));
    formals.add(formal);
  }
}

export type NicknameRelation = { kind: 'nickname'; formal: string; short: string } | { kind: 'same-formal'; formal: string };

/**
 * How two folded given names are related through the table: one is a nickname of the other ("bob" / "robert"),
 * or both are short for the same name ("bob" / "rob", both Robert). Null when unrelated or equal.
 */
export function nicknameRelation(a: string, b: string): NicknameRelation | null {
  if (!a || !b || a === b) return null;
  return RELATIONS.get(a)?.get(b) ?? null;
}

function computeRelation(a: string, b: string): NicknameRelation | null {
  if (NAMES[a]?.includes(b)) return { kind: 'nickname', formal: a, short: b };
  if (NAMES[b]?.includes(a)) return { kind: 'nickname', formal: b, short: a };
  const formalsA = FORMAL_OF.get(a);
  const formalsB = FORMAL_OF.get(b);
  if (formalsA && formalsB) {
    for (const formal of formalsA) if (formalsB.has(formal)) return { kind: 'same-formal', formal };
  }
  return null;
}

/** Every related pair, precomputed (a few thousand entries): lookups are two map reads. */
const RELATIONS = new Map<string, Map<string, NicknameRelation>>();
{
  const names = new Set<string>([...Object.keys(NAMES), ...FORMAL_OF.keys()]);
  const candidates = (name: string) => {
    const out = new Set<string>(RELATED.get(name) ?? []);
    for (const formal of FORMAL_OF.get(name) ?? []) for (const short of NAMES[formal] ?? []) out.add(short);
    return out;
  };
  for (const a of names) {
    for (const b of candidates(a)) {
      const relation = a === b ? null : computeRelation(a, b);
      if (!relation) continue;
      let row = RELATIONS.get(a);
      if (!row) RELATIONS.set(a, (row = new Map()));
      row.set(b, relation);
    }
  }
}

/** Whether the table knows this folded name at all (a cheap test before nicknameRelation). */
export function hasNicknames(name: string): boolean {
  return RELATIONS.has(name);
}

/** Names directly related to a folded given name (its nicknames, or the formal names it is short for). */
export function nicknamesOf(name: string): readonly string[] {
  const set = RELATED.get(name);
  return set ? [...set] : [];
}

/** The size of the table, for the docs and a test. */
export function nicknameTableSize(): { formalNames: number; pairs: number } {
  const formalNames = Object.keys(NAMES).length;
  const pairs = Object.values(NAMES).reduce((sum, shorts) => sum + shorts.length, 0);
  return { formalNames, pairs };
}

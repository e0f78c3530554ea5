import fc from 'fast-check';
import type { z } from 'zod';

/**
 * Payloads a compromised or buggy renderer could send. Everything here survives Electron's
 * structured clone (Maps, Sets, Dates, typed arrays, bigints, sparse arrays, boxed values).
 */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
  });

type Path = readonly (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Paths to every node of a JSON-like example, the root ([]) first. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  return paths;
}

function valueAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], root);
}

/** A deep copy of the example with the node at path replaced (or removed when replacement is REMOVE). */
const REMOVE = Symbol('remove');
function withChange(example: unknown, path: Path, change: (node: unknown) => unknown): unknown {
  if (path.length === 0) return change(example);
  const copy = structuredClone(example);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
  const last = path[path.length - 1] as string | number;
  const next = change((parent as Record<string | number, unknown>)[last]);
  if (next === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Record<string | number, unknown>)[last];
  } else {
    // defineProperty so a key such as "__proto__" becomes an own property, as JSON.parse would make it.
    Object.defineProperty(parent, last, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/** The same fact in the wrong shape: what a renderer with a stale form or a type slip sends. */
function confusedForms(node: unknown): unknown[] {
  return [
    String(node),
    Number(node),
    node === null ? undefined : null,
    [node],
    { value: node },
    '',
    ' '.repeat(10_000),
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    2 ** 53 + 2,
    typeof node === 'string' ? `${node}\u0000` : true,
  ];
}

/**
 * Structured mutations of a valid example: replace any node with a hostile value or a confused
 * form, drop a field, add an unknown field (including "__proto__" and "role"), wrap or stringify the whole.
 */
export function mutationsOf(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  const anyPath = fc.constantFrom(...paths);
  const replaced = fc.tuple(anyPath, hostileValue()).map(([path, value]) => withChange(example, path, () => value));
  const confused = anyPath.chain((path) =>
    fc.constantFrom(...confusedForms(valueAt(example, path))).map((form) => withChange(example, path, () => form)),
  );
  const wrapped = fc.constantFrom<unknown>([example], { payload: example }, { input: example }, JSON.stringify(example) ?? 'undefined');
  const options: fc.Arbitrary<unknown>[] = [replaced, confused, wrapped];

  const fieldPaths = paths.filter((path) => path.length > 0);
  if (fieldPaths.length > 0) {
    options.push(fc.constantFrom(...fieldPaths).map((path) => withChange(example, path, () => REMOVE)));
  }
  const objectPaths = paths.filter((path) => isRecord(valueAt(example, path)));
  if (objectPaths.length > 0) {
    const unknownKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'role', 'isAdmin', 'sql'), fc.string({ minLength: 1, maxLength: 12 }));
    options.push(
      fc.tuple(fc.constantFrom(...objectPaths), unknownKey, hostileValue()).map(([path, key, value]) =>
        withChange(example, [...path, key], () => value),
      ),
    );
  }
  return fc.oneof(...options);
}

export interface MalformedPayload {
  source: 'anything' | 'mutation';
  payload: unknown;
}

/** Payloads the schema rejects: half arbitrary values, half mutations of the valid example. */
export function malformedPayloads(schema: z.ZodType, validExample: unknown): fc.Arbitrary<MalformedPayload> {
  const rejected = (value: unknown) => !schema.safeParse(value).success;
  return fc.oneof(
    hostileValue()
      .filter(rejected)
      .map((payload) => ({ source: 'anything' as const, payload })),
    mutationsOf(validExample)
      .filter(rejected)
      .map((payload) => ({ source: 'mutation' as const, payload })),
  );
}

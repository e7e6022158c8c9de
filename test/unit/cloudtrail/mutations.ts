// Seeded mutations of CloudTrail texts for the fuzz test and bench/cloudtrail-fuzz.ts: byte
// flips, truncations, deletions, duplications, deep nesting, BOM, NUL, lone surrogates, huge
// numbers, non-breaking spaces. Deterministic for a given seed.

export { seededRandom as rng } from '../../support/seededRandom';

const SPECIAL = [
  '"',
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  '\\',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '\u00A0',
  '\n',
  '\r',
  '\t',
  'e',
  '-',
  '1e999999',
  '-0.0e-99999',
  'null',
  'tru',
  '/*',
  '\u2028',
];

export type Mutation = (text: string, r: () => number) => string;

const at = (text: string, r: () => number): number => Math.floor(r() * (text.length + 1));

export const MUTATIONS: Record<string, Mutation> = {
  flip: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + String.fromCharCode(Math.floor(r() * 0x80)) + t.slice(i + 1);
  },
  special: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + SPECIAL[Math.floor(r() * SPECIAL.length)] + t.slice(i + (r() < 0.5 ? 1 : 0));
  },
  truncate: (t, r) => t.slice(0, at(t, r)),
  delete: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + Math.floor(r() * 20));
  },
  duplicate: (t, r) => {
    const i = at(t, r);
    const j = Math.min(t.length, i + Math.floor(r() * 200));
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  },
  deepNesting: (t, r) => {
    const i = at(t, r);
    const n = 1000 + Math.floor(r() * 100_000);
    const open = r() < 0.5 ? '[' : '{"a":';
    return t.slice(0, i) + open.repeat(n) + (r() < 0.5 ? (open === '[' ? ']' : '}').repeat(n) : '') + t.slice(i);
  },
  bom: (t) => '\uFEFF' + t,
  nul: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + '\u0000'.repeat(1 + Math.floor(r() * 5)) + t.slice(i);
  },
  loneSurrogate: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + (r() < 0.5 ? '\uD83D' : '\uDE00') + t.slice(i);
  },
  hugeNumber: (t, r) => t.replace(/(?<=[:[,]\s*)(-?\d+(\.\d+)?)/, r() < 0.5 ? '1e999999' : '9'.repeat(400)),
  nbsp: (t) => t.replace(/\n {2}/g, '\n\u00A0\u00A0'),
  longString: (t, r) => {
    const i = t.indexOf('"', at(t, r));
    return i < 0 ? t : t.slice(0, i + 1) + 'x'.repeat(100_000 + Math.floor(r() * 1_000_000)) + t.slice(i + 1);
  },
};

const NAMES = Object.keys(MUTATIONS);

/** Applies 1–3 random mutations; returns the text and the names applied. */
export function mutate(text: string, r: () => number): { text: string; applied: string[] } {
  const n = 1 + Math.floor(r() * 3);
  const applied: string[] = [];
  let t = text;
  for (let k = 0; k < n; k++) {
    const name = NAMES[Math.floor(r() * NAMES.length)];
    t = MUTATIONS[name](t, r);
    applied.push(name);
  }
  return { text: t, applied };
}

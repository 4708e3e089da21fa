// Mutations of a guideline text: byte flips, token deletion, duplication and swaps,
// splices from another seed, inserted keywords, numbers at the edge of floating point,
// deep nesting, odd Unicode, line endings, and repeated lines. Deterministic per seed.

export type Random = () => number;

const tokenPattern = /\s+|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|"(?:[^"\\\r\n]|\\.)*"|[\s\S]/g;

const keywords = [
  'guideline', 'use', 'panel', 'voters', 'consensus', 'strong', 'agree', 'enum', 'attribute', 'intervention', 'reference',
  'statement', 'rule', 'when', 'then', 'recommend', 'suggest', 'against', 'and', 'or', 'not', 'in', 'between', 'case',
  'given', 'expect', 'only', 'nothing', 'decision', 'ask', 'where', 'text', 'basis', 'strength', 'certainty', 'agreement',
  'votes', 'endorsed_strong', 'cites', 'section', 'rationale', 'status', 'doi', 'pmid', 'citation', 'title', 'true', 'false',
  '{', '}', '(', ')', ',', ':', '=', '!=', '<', '<=', '>', '>=', '%', '-', '"', '"""', '/*', '//',
];

const edgeNumbers = [
  '0', '-0', '1e308', '9007199254740992', '9007199254740993', '18014398509481984', '1.0000000000000002', '0.9999999999999999',
  '1000000000000', '99999999999999999999999999', '0.' + '1'.repeat(100), '1'.repeat(400), '4294967296', '2147483648', '5e-324',
];

const oddText = [
  '\uFFFE', '\uFFFF', '\uD800', '\uDC00', '\u0000', '\u0007', '\u200B', '\u202E', '\u2028', '\u2029', '\u0085', '\uFEFF',
  '😀', 'e\u0301', '\u00A0', '\t', '\f', '\v', '\r', '\r\n', 'İ', 'ß', '\u{10FFFF}', '<b>x</b>', '](command:x)', '![i](http://e/x.png)',
];

const pick = <T>(rnd: Random, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (rnd: Random, n: number): number => Math.floor(rnd() * n);

function tokens(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

type Mutation = (text: string, rnd: Random, other: string) => string;

const mutations: Mutation[] = [
  // A byte flip: one character replaced by a random one.
  (t, rnd) => {
    const i = int(rnd, t.length + 1);
    return t.slice(0, i) + String.fromCharCode(rnd() < 0.8 ? 32 + int(rnd, 95) : int(rnd, 0x10000)) + t.slice(i + 1);
  },
  // Token deletion.
  (t, rnd) => {
    const ts = tokens(t);
    ts.splice(int(rnd, ts.length), 1 + (rnd() < 0.3 ? int(rnd, 8) : 0));
    return ts.join('');
  },
  // Token duplication (sometimes many times).
  (t, rnd) => {
    const ts = tokens(t);
    const i = int(rnd, ts.length);
    const n = 1 + (rnd() < 0.2 ? int(rnd, 8) : 0);
    const times = rnd() < 0.1 ? 200 : 1;
    ts.splice(i, 0, ...Array.from({ length: times }, () => ts.slice(i, i + n)).flat());
    return ts.join('');
  },
  // Token swap.
  (t, rnd) => {
    const ts = tokens(t);
    const i = int(rnd, ts.length);
    const j = int(rnd, ts.length);
    [ts[i], ts[j]] = [ts[j], ts[i]];
    return ts.join('');
  },
  // Splice: a piece of another seed in place of a piece of this one.
  (t, rnd, other) => {
    const i = int(rnd, t.length + 1);
    const j = Math.min(t.length, i + int(rnd, 200));
    const k = int(rnd, other.length + 1);
    return t.slice(0, i) + other.slice(k, k + int(rnd, 400)) + t.slice(j);
  },
  // An inserted keyword or punctuation at a token boundary.
  (t, rnd) => {
    const ts = tokens(t);
    ts.splice(int(rnd, ts.length + 1), 0, ` ${pick(rnd, keywords)} `);
    return ts.join('');
  },
  // A number at the edge of floating point, in place of a number or anywhere.
  (t, rnd) => {
    const ts = tokens(t);
    const numbers = ts.map((x, i) => (/^\d/.test(x) ? i : -1)).filter((i) => i >= 0);
    const n = pick(rnd, edgeNumbers);
    if (numbers.length > 0 && rnd() < 0.8) ts[pick(rnd, numbers)] = n;
    else ts.splice(int(rnd, ts.length + 1), 0, ` ${n} `);
    return ts.join('');
  },
  // Deep nesting: many `(` or `(not ` around a piece of a condition.
  (t, rnd) => {
    const depth = pick(rnd, [10, 70, 300, 2000, 5000]);
    const open = pick(rnd, ['(', '(not ', 'not ', '{', '"""']);
    const when = t.indexOf(' when ', int(rnd, t.length));
    const i = when >= 0 ? when + 6 : int(rnd, t.length + 1);
    const j = Math.min(t.length, i + int(rnd, 40));
    const close = open.startsWith('(') ? ')'.repeat(depth) : open === '{' ? '}'.repeat(depth) : '';
    return t.slice(0, i) + open.repeat(depth) + t.slice(i, j) + close + t.slice(j);
  },
  // Odd Unicode and markup-looking text.
  (t, rnd) => {
    const i = int(rnd, t.length + 1);
    return t.slice(0, i) + pick(rnd, oddText) + t.slice(i);
  },
  // Line endings: CRLF, CR alone, or none.
  (t, rnd) => t.replace(/\r?\n/g, pick(rnd, ['\r\n', '\r', ' ', '\n\n', '\u2028'])),
  // A line repeated many times (long files, long lists).
  (t, rnd) => {
    const lines = t.split('\n');
    const i = int(rnd, lines.length);
    const times = pick(rnd, [2, 20, 500]);
    lines.splice(i, 0, ...Array.from({ length: times }, () => lines[i]));
    return lines.join('\n');
  },
  // A long chain: `x or x or x ...` or `a and b and ...` in place of a condition.
  (t, rnd) => {
    const when = t.indexOf(' when ', int(rnd, t.length));
    if (when < 0) return t;
    const m = /^[A-Za-z_][A-Za-z0-9_]*\s*(?:=|<|>|<=|>=|!=)\s*[A-Za-z0-9_.]+/.exec(t.slice(when + 6));
    if (!m) return t;
    const chain = Array.from({ length: pick(rnd, [50, 500, 3000]) }, () => m[0]).join(pick(rnd, [' or ', ' and ']));
    return t.slice(0, when + 6) + chain + t.slice(when + 6 + m[0].length);
  },
];

/** One to four mutations of `text`; `other` is another seed to splice from. */
export function mutate(text: string, other: string, rnd: Random): string {
  let t = text;
  const n = 1 + int(rnd, 4);
  for (let i = 0; i < n; i++) t = pick(rnd, mutations)(t, rnd, other);
  return t;
}

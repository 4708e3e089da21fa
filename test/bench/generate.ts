// Synthetic guidelines for the benchmark, shaped like real ones: rules grouped into topics
// (a disease setting and a line of treatment, say), each topic's rules sharing the topic's
// leading conditions and a handful of its own attributes, thresholds reused from a short
// list per attribute, and a few cross-cutting rules (antiviral treatment for every carrier,
// say) that overlap everything. Each topic has a decision. Seeded, so runs compare.

export interface Shape {
  rules: number;
  attributes: number;
  seed?: number;
  /** Rules per topic (a decision's worth). */
  perTopic?: number;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Kind = 'enum' | 'boolean' | 'percent' | 'weeks' | 'years' | 'number';

interface Attr {
  name: string;
  kind: Kind;
  members: string[];
  thresholds: number[];
}

export function generate(shape: Shape): string {
  const rnd = random(shape.seed ?? 42);
  const pickOne = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const perTopic = shape.perTopic ?? 25;
  const globals = Math.floor(shape.rules / 50);
  const topicRules = shape.rules - globals;
  const topics = Math.max(1, Math.ceil(topicRules / perTopic));
  // Two topic attributes (setting x line) give up to 31 x 31 topics.
  const settings = Math.min(31, Math.max(2, Math.ceil(Math.sqrt(topics))));
  const lines = Math.min(31, Math.max(2, Math.ceil(topics / settings)));
  const out: string[] = ['guideline synthetic { title "Synthetic benchmark guideline" panel { voters 50 agree A, B consensus 80% strong 70% } }'];

  out.push(`enum Setting { ${Array.from({ length: settings }, (_, i) => `s${i}`).join(', ')} }`);
  out.push(`enum Line { ${Array.from({ length: lines }, (_, i) => `l${i}`).join(', ')} }`);
  out.push('attribute setting: Setting', 'attribute line: Line');

  // The other attributes, of mixed types.
  const kinds: Kind[] = ['enum', 'boolean', 'boolean', 'percent', 'weeks', 'enum', 'boolean', 'years', 'percent', 'number'];
  const attrs: Attr[] = [];
  for (let i = 0; i < shape.attributes - 2; i++) {
    const kind = kinds[i % kinds.length];
    const name = `a${i}`;
    if (kind === 'enum') {
      const n = 3 + (i % 6);
      out.push(`enum E${i} { ${Array.from({ length: n }, (_, k) => `v${k}`).join(', ')} }`);
      out.push(`attribute ${name}: E${i}`);
      attrs.push({ name, kind, members: Array.from({ length: n }, (_, k) => `v${k}`), thresholds: [] });
    } else {
      const type = kind === 'number' ? 'number unit "mg/L"' : kind;
      out.push(`attribute ${name}: ${type}`);
      const thresholds = kind === 'percent' ? [10, 30, 40, 60] : kind === 'weeks' ? [2, 4, 6, 12] : kind === 'years' ? [18, 65, 75] : kind === 'number' ? [5, 10, 100] : [];
      attrs.push({ name, kind, members: [], thresholds });
    }
  }
  const interventions = Array.from({ length: 60 }, (_, i) => `x${i}`);
  for (const x of interventions) out.push(`intervention ${x}`);

  const unit = (a: Attr): string => (a.kind === 'percent' ? '%' : a.kind === 'weeks' ? ' weeks' : a.kind === 'years' ? ' years' : a.kind === 'number' ? ' "mg/L"' : '');
  const atom = (a: Attr): string => {
    switch (a.kind) {
      case 'enum': {
        const r = rnd();
        if (r < 0.5) return `${a.name} = ${pickOne(a.members)}`;
        if (r < 0.8) return `${a.name} in { ${a.members.filter(() => rnd() < 0.5).concat(a.members[0]).filter((m, k, xs) => xs.indexOf(m) === k).join(', ')} }`;
        return `${a.name} != ${pickOne(a.members)}`;
      }
      case 'boolean':
        return rnd() < 0.6 ? a.name : `not ${a.name}`;
      default: {
        const t = pickOne(a.thresholds);
        const r = rnd();
        if (r < 0.4) return `${a.name} < ${t}${unit(a)}`;
        if (r < 0.8) return `${a.name} >= ${t}${unit(a)}`;
        const hi = a.thresholds.find((x) => x > t);
        return hi === undefined ? `${a.name} > ${t}${unit(a)}` : `${a.name} between ${t}${unit(a)} and ${hi}${unit(a)}`;
      }
    }
  };

  let ruleCount = 0;
  let statementCount = 0;
  const decisions: string[] = [];
  const statements: string[] = [];
  const statement = (rules: string[]): void => {
    const draft = rnd() < 0.03 ? ' status draft' : '';
    statements.push(`statement S${statementCount++} {\n  basis evidence strength strong certainty moderate agreement 90%${draft}\n${rules.join('\n')}\n}`);
  };
  for (let t = 0; t < topics && ruleCount < topicRules; t++) {
    const s = `s${t % settings}`;
    const l = `l${Math.floor(t / settings) % lines}`;
    // Each topic works with six of the attributes and six of the interventions.
    const own = Array.from({ length: 6 }, () => pickOne(attrs)).filter((a, k, xs) => xs.indexOf(a) === k);
    const treat = Array.from({ length: 6 }, () => pickOne(interventions));
    decisions.push(`decision d${t} { ask setting, line, ${own.slice(0, 2).map((a) => a.name).join(', ')}  where setting = ${s} and line = ${l} }`);
    let rules: string[] = [];
    for (let k = 0; k < perTopic && ruleCount < topicRules; k++) {
      const parts: string[] = [`setting = ${s}`, rnd() < 0.2 ? `line in { ${l}, l${(Math.floor(t / settings) + 1) % lines} }` : `line = ${l}`];
      const n = 1 + Math.floor(rnd() * 3);
      for (let j = 0; j < n; j++) parts.push(atom(pickOne(own)));
      if (rnd() < 0.1) parts.push(`(${atom(pickOne(own))} or ${atom(pickOne(own))})`);
      if (rnd() < 0.05) parts.push(`not (${atom(pickOne(own))} and ${atom(pickOne(own))})`);
      const verb = pickOne(['recommend', 'suggest']) + (rnd() < 0.1 ? ' against' : '');
      rules.push(`  rule r${ruleCount++} when ${parts.join(' and ')} then ${verb} ${pickOne(treat)}`);
      if (rules.length === 5) {
        statement(rules);
        rules = [];
      }
    }
    if (rules.length > 0) statement(rules);
  }
  // Cross-cutting rules: one or two conditions on any attribute, every 50th rule.
  const global: string[] = [];
  for (let k = 0; k < globals; k++) global.push(`  rule g${k} when ${atom(pickOne(attrs))}${rnd() < 0.5 ? ` and ${atom(pickOne(attrs))}` : ''} then recommend ${pickOne(interventions)}`);
  if (global.length > 0) statement(global);
  return [...out, ...statements, ...decisions].join('\n') + '\n';
}

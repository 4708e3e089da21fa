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
export function random(seed: number): () => number {
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
  // A few patient-level attributes (viral status, say) only the cross-cutting rules test;
  // the pathways branch on the others.
  const patientLevel = attrs.slice(-Math.min(4, Math.max(1, attrs.length - 6)));
  const pathwayAttrs = attrs.filter((a) => !patientLevel.includes(a));
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
  // The values of an attribute cut into two or three groups, as a pathway branches on it.
  const groups = (a: Attr): string[][] => {
    switch (a.kind) {
      case 'enum': {
        const cut = 1 + Math.floor(rnd() * (a.members.length - 1));
        const parts = [a.members.slice(0, cut), a.members.slice(cut)];
        return parts.map((ms) => [ms.length === 1 ? `${a.name} = ${ms[0]}` : `${a.name} in { ${ms.join(', ')} }`]);
      }
      case 'boolean':
        return [[a.name], [`not ${a.name}`]];
      default: {
        const [t1, t2] = [...a.thresholds].sort(() => rnd() - 0.5).slice(0, 2).sort((x, y) => x - y);
        if (rnd() < 0.5) return [[`${a.name} < ${t1}${unit(a)}`], [`${a.name} >= ${t1}${unit(a)}`]];
        return [[`${a.name} < ${t1}${unit(a)}`], [`${a.name} >= ${t1}${unit(a)}`, `${a.name} < ${t2}${unit(a)}`], [`${a.name} >= ${t2}${unit(a)}`]];
      }
    }
  };
  for (let t = 0; t < topics && ruleCount < topicRules; t++) {
    const s = `s${t % settings}`;
    const l = `l${Math.floor(t / settings) % lines}`;
    // Each topic works with six of the attributes and six of the interventions: three
    // it branches on (a pathway), three that modify a recommendation across branches.
    const own = [...pathwayAttrs].sort(() => rnd() - 0.5).slice(0, 6);
    const treat = Array.from({ length: 6 }, () => pickOne(interventions));
    decisions.push(`decision d${t} { ask setting, line, ${own.slice(0, 3).map((a) => a.name).join(', ')}  where setting = ${s} and line = ${l} }`);
    const paths: string[][] = [];
    const grow = (path: string[], depth: number): void => {
      if (depth === 3 || (depth === 2 && rnd() < 0.5)) {
        paths.push(path);
        return;
      }
      for (const g of groups(own[depth])) grow([...path, ...g], depth + 1);
    };
    grow([], 0);
    const budget = Math.min(perTopic, topicRules - ruleCount);
    const modifiers = Math.max(1, Math.round(budget * 0.2));
    const topicRulesText: string[] = [];
    const rule = (parts: string[]): void => {
      const verb = pickOne(['recommend', 'suggest']) + (rnd() < 0.1 ? ' against' : '');
      const line = rnd() < 0.1 ? `line in { ${l}, l${(Math.floor(t / settings) + 1) % lines} }` : `line = ${l}`;
      topicRulesText.push(`  rule r${ruleCount++} when ${[`setting = ${s}`, line, ...parts].join(' and ')} then ${verb} ${pickOne(treat)}`);
    };
    // One or two rules per branch of the pathway; a branch left without is a gap.
    for (let k = 0; topicRulesText.length < budget - modifiers; k++) {
      const path = paths[k % paths.length];
      if (k < paths.length && rnd() < 0.05) continue;
      rule(rnd() < 0.05 ? [...path, `(${atom(own[3])} or ${atom(own[4])})`] : path);
    }
    // Modifiers: part of a pathway plus a condition on another attribute (`not` now and then).
    while (topicRulesText.length < budget) {
      const prefix = pickOne(paths).slice(0, 1 + Math.floor(rnd() * 2));
      const extra = atom(own[3 + Math.floor(rnd() * 3)]);
      rule([...prefix, rnd() < 0.1 ? `not (${extra})` : extra]);
    }
    for (let k = 0; k < topicRulesText.length; k += 5) statement(topicRulesText.slice(k, k + 5));
  }
  // Cross-cutting rules, every 50th: one or two patient-level conditions.
  const global: string[] = [];
  for (let k = 0; k < globals; k++) global.push(`  rule g${k} when ${atom(pickOne(patientLevel))}${rnd() < 0.5 ? ` and ${atom(pickOne(patientLevel))}` : ''} then recommend ${pickOne(interventions)}`);
  if (global.length > 0) statement(global);
  return [...out, ...statements, ...decisions].join('\n') + '\n';
}

import * as assert from 'node:assert/strict';
import { analyzeText, diagnosticStrings } from '../helpers.js';

const head = `guideline g { panel { voters 52 agree A, B consensus 80% strong 70% } }
intervention haic
`;

/** Findings of the given codes for a file made of the panel header and `body`. */
function findings(body: string, only: string[], settings?: Parameters<typeof analyzeText>[1]): string[] {
  return diagnosticStrings(analyzeText(head + body, settings), (c) => only.includes(c));
}

const graded = 'basis evidence strength conditional certainty low agreement 96.2%';

describe('methodology checks', () => {
  it('reports missing required fields at the statement name', () => {
    assert.deepEqual(findings('statement S1 { strength conditional }', ['missing-field']), [
      '[3:11..3:13] missing-field `S1` has no basis, certainty and agreement (or votes): every recommendation states its basis, strength, certainty and agreement',
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded} }`, ['missing-field']), []);
    assert.deepEqual(findings('statement S1 { basis evidence strength strong certainty low votes A 50, B 0, C 2, D 0, E 0 rationale "r" }', ['missing-field']), []);
    // A draft has not been voted on yet.
    assert.deepEqual(findings('statement S1 { basis evidence strength conditional certainty low status draft }', ['missing-field']), []);
  });

  it('reports an adopted statement below the consensus threshold', () => {
    assert.deepEqual(findings('statement S1 { basis evidence strength conditional certainty low agreement 75.0% }', ['below-consensus']), [
      '[3:76..3:81] below-consensus `S1` is adopted, but its agreement of 75.0% is below the panel\'s consensus threshold of 80%: revise it, or mark it `status rejected`',
    ]);
    assert.deepEqual(findings('statement S1 { basis evidence strength conditional certainty low agreement 75.0% status rejected }', ['below-consensus']), []);
    assert.deepEqual(findings('statement S1 { basis evidence strength conditional certainty low agreement 80.8% }', ['below-consensus']), []);
    assert.deepEqual(findings('statement S1 { basis evidence strength conditional certainty low votes A 20, B 10, C 22 }', ['below-consensus']), [
      '[3:66..3:88] below-consensus `S1` is adopted, but its agreement of 57.7% (from its votes) is below the panel\'s consensus threshold of 80%: revise it, or mark it `status rejected`',
    ]);
  });

  it('takes the consensus threshold from the settings when there is no panel', () => {
    const body = 'statement S1 { basis evidence strength conditional certainty low agreement 85% }';
    assert.deepEqual(diagnosticStrings(analyzeText(body), (c) => c === 'below-consensus'), []);
    assert.deepEqual(diagnosticStrings(analyzeText(body, { defaultConsensus: 90 }), (c) => c === 'below-consensus'), [
      '[1:76..1:79] below-consensus `S1` is adopted, but its agreement of 85% is below the panel\'s consensus threshold of 90%: revise it, or mark it `status rejected`',
    ]);
  });

  it('reports a strong statement without enough strong endorsement', () => {
    const strong = 'basis evidence strength strong certainty high agreement 96.2%';
    assert.deepEqual(findings(`statement S1 { ${strong} endorsed_strong 61.5% }`, ['strong-not-endorsed']), [
      '[3:94..3:99] strong-not-endorsed `S1` is strong, but only 61.5% of the panel endorsed it as strong, below the threshold of 70%: make it conditional',
    ]);
    assert.deepEqual(findings(`statement S1 { ${strong} endorsed_strong 71.2% }`, ['strong-not-endorsed']), []);
    const noPanel = `statement S1 { ${strong} endorsed_strong 75% }`;
    assert.deepEqual(diagnosticStrings(analyzeText(noPanel), (c) => c === 'strong-not-endorsed'), []);
    assert.equal(diagnosticStrings(analyzeText(noPanel, { defaultStrong: 80 }), (c) => c === 'strong-not-endorsed').length, 1);
  });

  it('reports a verb that does not match the strength, at the verb', () => {
    assert.deepEqual(findings(`statement S1 { ${graded}\n rule r when true_flag then recommend haic }`, ['verb-strength-mismatch']), [
      '[4:29..4:38] verb-strength-mismatch Rule `r` says `recommend`, but `S1` is conditional: a conditional statement\'s rules say `suggest`',
    ]);
    assert.deepEqual(findings('statement S1 { basis evidence strength strong certainty high agreement 96.2%\n rule r when x then suggest against haic }', ['verb-strength-mismatch']), [
      '[4:21..4:28] verb-strength-mismatch Rule `r` says `suggest`, but `S1` is strong: a strong statement\'s rules say `recommend`',
    ]);
    assert.deepEqual(findings(`statement S1 { ${graded}\n rule r when x then suggest against haic }`, ['verb-strength-mismatch']), []);
  });

  it('reports a discordant strong recommendation without rationale, with the configured severity', () => {
    const discordant = 'statement S1 { basis evidence strength strong certainty very_low agreement 96.2% }';
    assert.deepEqual(findings(discordant, ['discordant-without-rationale']), [
      '[3:31..3:46] discordant-without-rationale `S1` is a strong recommendation on very low certainty (discordant in GRADE\'s terms) and gives no `rationale` for it',
    ]);
    const finding = (settings?: Parameters<typeof analyzeText>[1]) => analyzeText(head + discordant, settings).findings.find((f) => f.code === 'discordant-without-rationale');
    assert.equal(finding()?.severity, 'information');
    assert.equal(finding({ discordantSeverity: 'warning' })?.severity, 'warning');
    assert.equal(finding({ discordantSeverity: 'off' }), undefined);
    assert.deepEqual(findings(discordant.replace(' }', ' rationale "Large benefit, low cost" }'), ['discordant-without-rationale']), []);
    assert.deepEqual(findings(discordant.replace('very_low', 'moderate'), ['discordant-without-rationale']), []);
    assert.match(findings(discordant.replace(' }', ' rationale "TODO: why" }'), ['discordant-without-rationale'])[0], /still a placeholder/);
  });
});

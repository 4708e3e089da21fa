// Hovering a statement shows what a reviewer needs: its GRADE grading, agreement and the
// references it cites, as the sample itself declares them.
import * as assert from 'node:assert/strict';
import { closeAllEditors, hoverText, offsetOf, openFile, SAMPLE, waitFor } from './support.js';

const certaintySymbols: Record<string, string> = { high: '⊕⊕⊕⊕', moderate: '⊕⊕⊕◯', low: '⊕⊕◯◯', very_low: '⊕◯◯◯' };

/** A field of a statement as written in the file, e.g. `certainty low`. */
function field(block: string, name: string): string {
  const m = new RegExp(`^\\s*${name}\\s+(.+?)\\s*(//.*)?$`, 'm').exec(block);
  assert.ok(m, `the sample's statement has no \`${name}\` field`);
  return m[1]!;
}

describe('hover', () => {
  after(closeAllEditors);

  it('shows a statement\'s GRADE grading, agreement and citations', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const start = offsetOf(doc, 'statement S8');
    const block = doc.getText().slice(start, offsetOf(doc, '\nstatement ', 1, start + 1));
    const strength = field(block, 'strength');
    const certainty = field(block, 'certainty');
    const agreement = field(block, 'agreement');
    const firstCited = /^\d+/.exec(field(block, 'cites'))![0];
    const citation = new RegExp(`^reference ${firstCited} "([^"]{1,40})`, 'm').exec(doc.getText());
    assert.ok(citation, `reference ${firstCited} is not declared in the sample`);

    const at = doc.positionAt(start + 'statement '.length + 1);
    const text = await waitFor('the hover over S8', async () => (await hoverText(doc.uri, at)) || undefined);

    assert.match(text, /Statement S8/);
    assert.ok(text.includes(strength === 'strong' ? 'Strong recommendation' : 'Conditional recommendation'), `strength ${strength} missing from:\n${text}`);
    assert.ok(text.includes(`${certaintySymbols[certainty]}`), `certainty ${certainty} (${certaintySymbols[certainty]}) missing from:\n${text}`);
    assert.ok(text.includes(agreement.replace(/\s.*/, '')), `agreement ${agreement} missing from:\n${text}`);
    assert.match(text, /References/);
    // Markdown escapes punctuation in user text; compare the citation's words only.
    const words = citation[1]!.split(/[^A-Za-z]+/).filter((w) => w.length > 2);
    for (const word of words) assert.ok(text.includes(word), `the citation of reference ${firstCited} ("${citation[1]}") is missing from:\n${text}`);
  });

  it('shows a rule\'s recommendation with its statement\'s grading', async () => {
    const editor = await openFile(SAMPLE);
    const doc = editor.document;
    const at = doc.positionAt(offsetOf(doc, 'rule flr_increase_alpps') + 'rule '.length + 2);
    const text = await waitFor('the hover over a rule', async () => (await hoverText(doc.uri, at)) || undefined);
    assert.match(text, /flr_increase_alpps/);
    assert.match(text, /suggest/);
    assert.match(text, /Statement S8/);
  });
});

// The preview's page and message checks: a strict Content-Security-Policy with a fresh
// nonce and no data in the page, and messages from the webview checked before use.
import * as assert from 'node:assert/strict';
import { makeNonce } from '../../client/src/page-head.js';
import { previewHtml } from '../../client/src/preview/html.js';
import { isHostMessage, isWebviewMessage } from '../../client/src/preview/messages.js';

describe('preview page', () => {
  const html = previewHtml({ cspSource: 'https://res.test', nonce: 'abc123', scriptUri: 'https://res.test/dist/webview.js', styleUri: 'https://res.test/media/preview.css' });

  it('starts its policy from default-src none and allows one script by nonce', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.ok(csp.startsWith("default-src 'none'"), csp);
    assert.ok(csp.includes("script-src 'nonce-abc123'"));
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval') && !csp.includes('http:') && !/\bhttps:(?!\/\/res\.test)/.test(csp));
    assert.equal(html.match(/<script\b/g)?.length, 1);
    assert.ok(html.includes('<script nonce="abc123" src="https://res.test/dist/webview.js"></script>'));
  });

  it('makes a new unguessable nonce each time', () => {
    const a = makeNonce();
    assert.match(a, /^[A-Za-z0-9+/=]{24}$/);
    assert.notEqual(a, makeNonce());
  });
});

describe('preview messages', () => {
  const source = { uri: 'file:///a.guideline', range: { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } } };

  it('accepts the messages the webview sends', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'reveal', sources: [source] },
      { type: 'selectDecision', decision: 'roadmap' },
      { type: 'statementDetails', requestId: 3, statement: 'S1' },
      { type: 'export', format: 'png', data: 'iVBORw0KGgo=', name: 'tree' },
    ]) assert.ok(isWebviewMessage(m), JSON.stringify(m));
  });

  it('rejects anything else', () => {
    for (const m of [
      null,
      'ready',
      { type: 'run', command: 'rm -rf /' },
      { type: 'reveal', sources: [{ uri: 'file:///a', range: { start: { line: 'x', character: 0 }, end: source.range.end } }] },
      { type: 'reveal', sources: 'file:///a' },
      { type: 'export', format: 'exe', data: '', name: 'x' },
      { type: 'statementDetails', requestId: 1.5, statement: 'S1' },
    ]) assert.ok(!isWebviewMessage(m), JSON.stringify(m));
    assert.ok(!isHostMessage({ type: 'tree', result: { uri: 1 } }));
    assert.ok(isHostMessage({ type: 'noDocument' }));
  });
});

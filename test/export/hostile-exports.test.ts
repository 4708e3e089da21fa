// Hostile text in every field (titles, texts, descriptions, citations, DOIs, PMIDs, units,
// case names) reaches the FHIR bundle, the SARIF log and the JUnit report as text: each
// output stays valid for the tools that read it (the R4 validator, the SARIF 2.1.0 schema,
// an XML parser), the text arrives as the user wrote it (less what the format cannot
// carry), and a DOI or PMID link points only to doi.org or PubMed with its value encoded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { check } from '../../server/src/cli/check.js';
import { test as testCommand } from '../../server/src/cli/test.js';
import { fhirExport, type FhirResource } from '../../server/src/services/export/fhir.js';
import { Workspace } from '../../server/src/pipeline/workspace.js';
import { fileUrl, repoRoot } from '../helpers.js';
import { xmlProblem } from '../fuzz/oracle.js';
import { validator } from './fhir-validator.js';

/** Markup, links, command URIs, XML and JSON breakers, and characters no XML may hold. */
const hostile = `<script>alert(1)</script> <img src=x onerror=alert(1)> ]]> --> &bogus; &#0; &#x1; [x](command:workbench.action.terminal.new) ![i](https://evil.example/i.png) & &amp; 'q' \\" {{x}} \${x} \u0001\u0008 \ufffe\uffff \ud800 \udc00 😀 \u202e`;
/** The text as the language reads it: `\"` is a quote, a lone surrogate (which no encoder takes) U+FFFD. */
const asRead = (s: string): string => s.replace(/\\"/g, '"').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
/** What XML 1.0 keeps of it: the characters it forbids dropped. */
const xmlSafe = (s: string): string => asRead(s).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

const text = `guideline g {
  title "${hostile}"
  doi "10.1/x)(https://evil.example/phish)\\"><b>"
}
reference R1 "${hostile}" doi "10.1000/<script>#?\\" \ud800" pmid 123
reference R2 "${hostile}" pmid evil_name
enum E "${hostile}" { a, b }
attribute f: E "${hostile}"
attribute dose: number unit "mg<script>" "${hostile}"
attribute weird: number unit "${hostile}" "${hostile}"
intervention x "${hostile}"
statement S1 "${hostile}" {
  text """${hostile}
  second line ${hostile}"""
  basis evidence strength strong certainty high agreement 90%
  cites R1, R2
  rationale "${hostile}"
  section "${hostile}"
  rule r when f = a and dose > 5 mg<script> then recommend x
}
case "${hostile}" {
  given f = a
  expect recommend against x
}
case "${hostile} (second)" {
  given f = b
  expect nothing
}
`;


/** Every string in a JSON value, with the key it sits under. */
function strings(value: unknown): { key: string; value: string }[] {
  const out: { key: string; value: string }[] = [];
  const stack: { key: string; v: unknown }[] = [{ key: '', v: value }];
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (typeof top.v === 'string') out.push({ key: top.key, value: top.v });
    else if (typeof top.v === 'object' && top.v !== null) for (const [k, v] of Object.entries(top.v)) stack.push({ key: Array.isArray(top.v) ? top.key : k, v });
  }
  return out;
}

describe('hostile text in the FHIR, SARIF and JUnit exports', function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  const cwd = process.cwd();
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guideline-hostile-'));
    file = path.join(dir, 'hostile.guideline');
    fs.writeFileSync(file, text);
  });
  after(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('FHIR: every resource passes the R4 validator, the text is kept, links go to doi.org and PubMed only', () => {
    const validationErrors = validator();
    const analysis = new Workspace().analysis(fileUrl(file))!;
    const { bundle } = fhirExport(analysis);
    // The bundle goes to disk as JSON: read it back as a reader would.
    const read = JSON.parse(JSON.stringify(bundle)) as typeof bundle;
    assert.deepEqual([read, ...read.entry.map((e) => e.resource)].flatMap(validationErrors), []);
    const all = strings(read);
    // The statement's text and the reference's citation arrive as written, markup and all
    // (FHIR strings are plain text), less the control characters FHIR forbids.
    const fhirClean = (s: string): string => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').trim();
    assert.ok(all.some((s) => s.value.includes(fhirClean(asRead(hostile)))), 'the hostile text is kept as text');
    for (const s of all) assert.doesNotMatch(s.value, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, `${s.key} holds a control character`);
    const links = all.filter((s) => s.key === 'url' && /^https?:/.test(s.value) && !s.value.startsWith('http://hl7.org/') && !s.value.startsWith('http://example.org/'));
    const references = read.entry.map((e) => e.resource).filter((r) => r.resourceType === 'DocumentReference');
    assert.equal(references.length, 2);
    const attachments = references.map((r) => (r as unknown as { content: { attachment: { url?: string } }[] }).content[0].attachment.url);
    assert.deepEqual(attachments, ['https://doi.org/10.1000/%3Cscript%3E%23%3F%22%20%EF%BF%BD', 'https://pubmed.ncbi.nlm.nih.gov/evil_name/']);
    for (const l of links) {
      const u = new URL(l.value);
      assert.ok(['doi.org', 'pubmed.ncbi.nlm.nih.gov'].includes(u.host) || l.value.startsWith(read.entry[0].fullUrl.split('/').slice(0, 3).join('/')), l.value);
      if (u.host === 'doi.org') assert.ok(u.search === '' && u.hash === '', `${l.value}: no query or fragment of the user's`);
    }
  });

  it('SARIF: the log passes the 2.1.0 schema and the messages are plain text', () => {
    process.chdir(dir);
    const r = check({ positionals: ['hostile.guideline'], options: new Map([['format', 'sarif']]) });
    process.chdir(cwd);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; message: { text: string; markdown?: string } }[] }[] };
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'schemas', 'sarif-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const results = log.runs[0].results;
    assert.ok(results.some((x) => x.ruleId === 'unknown-unit' && x.message.text.includes('<script>')), 'the hostile unit is named in its message, as text');
    assert.ok(results.every((x) => x.message.markdown === undefined), 'no message is sent as Markdown');
    // Written as JSON: the lone surrogates and control characters travel escaped, and read back the same.
    assert.doesNotMatch(r.stdout, /[\u0000-\u001f](?<![\n\r\t])|[\ud800-\udfff]/u);
  });

  it('JUnit: the report is well-formed XML, and each case name arrives as text', () => {
    process.chdir(dir);
    const r = testCommand({ positionals: ['hostile.guideline'], options: new Map([['format', 'junit']]) });
    process.chdir(cwd);
    assert.equal(XMLValidator.validate(r.stdout), true);
    // A strict parser too: it rejects undefined entities and references to forbidden characters.
    assert.equal(xmlProblem(r.stdout), undefined);
    assert.doesNotMatch(r.stdout, /<script>|<img/, 'markup is escaped');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout) as {
      testsuites: { testsuite: { testcase: { name: string; failure?: { message: string } }[] } };
    };
    const [first, second] = parsed.testsuites.testsuite.testcase;
    assert.equal(first.name, xmlSafe(hostile));
    assert.equal(second.name, `${xmlSafe(hostile)} (second)`);
    assert.ok(first.failure, 'the first case fails');
  });
});

// Case results as JUnit XML, the report CI servers read for tests: a suite per file, a
// test case per guideline case, a failure element with the reasons when it fails.
import { create } from 'xmlbuilder2';

export interface JunitCase {
  title: string;
  line: number;
  passed: boolean;
  /** Why it failed (or what it depends on), one reason a line. */
  failures: readonly string[];
  notes: readonly string[];
}

export interface JunitFile {
  path: string;
  cases: readonly JunitCase[];
}

/**
 * Text for the builder, which escapes `&` only where it does not already start an entity
 * reference: a title such as `&bogus;` or `&#0;` would come out as a reference no reader
 * accepts. Every `&` escaped here first is left as `&amp;`, so the text reads back as written.
 */
const asText = (text: string): string => text.replace(/&/g, '&amp;');

export function junitXml(files: readonly JunitFile[]): string {
  // Characters XML 1.0 cannot carry are dropped, not escaped: a reader would reject them.
  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
  const count = (f: (c: JunitCase) => boolean): number => files.reduce((n, file) => n + file.cases.filter(f).length, 0);
  const root = doc.ele('testsuites', { name: 'guideline', tests: count(() => true), failures: count((c) => !c.passed), errors: 0 });
  for (const file of files) {
    if (file.cases.length === 0) continue;
    const suite = root.ele('testsuite', {
      name: asText(file.path),
      tests: file.cases.length,
      failures: file.cases.filter((c) => !c.passed).length,
      errors: 0,
      skipped: 0,
    });
    for (const c of file.cases) {
      const testcase = suite.ele('testcase', { name: asText(c.title), classname: asText(file.path), file: asText(file.path), line: c.line });
      if (!c.passed) testcase.ele('failure', { message: asText(c.failures[0] ?? 'failed'), type: 'case-failed' }).txt(asText(c.failures.join('\n')));
      if (c.notes.length > 0) testcase.ele('system-out').txt(asText(c.notes.join('\n')));
    }
  }
  return doc.end({ prettyPrint: true }) + '\n';
}

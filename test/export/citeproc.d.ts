// The part of citeproc-js's API the CSL-JSON read-back uses (the package ships no types).
declare module 'citeproc' {
  export class Engine {
    constructor(sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown }, style: string);
    setOutputFormat(format: 'text' | 'html'): void;
    updateItems(ids: string[]): void;
    makeBibliography(): [{ entry_ids: string[][]; bibliography_errors: unknown[] }, string[]];
  }
}

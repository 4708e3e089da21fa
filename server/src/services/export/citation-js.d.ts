// The part of citation-js's API the bibliography module uses (the package ships no types).
declare module '@citation-js/core' {
  export interface CslName {
    family?: string;
    given?: string;
    literal?: string;
  }
  export interface CslEntry {
    id?: string | number;
    'citation-key'?: string;
    type?: string;
    title?: string;
    author?: CslName[];
    'container-title'?: string;
    issued?: { 'date-parts'?: (number | string)[][] };
    volume?: string | number;
    issue?: string | number;
    page?: string;
    DOI?: string;
    PMID?: string;
    note?: string;
    [field: string]: unknown;
  }
  /** The plugins' registry: `config.get('@csl')` holds the CSL plugin's styles and locales. */
  export const plugins: { config: { get(plugin: string): unknown } };
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: CslEntry[];
    format(format: 'bibtex' | 'ris' | 'data', options?: Record<string, unknown>): string;
    format(format: 'bibliography', options: { template: string; format: 'text' | 'html'; lang?: string }): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';

// Links built from what the user wrote: a DOI or a PubMed id always leads to doi.org or
// PubMed, with every character of the value percent-encoded (so `)`, `#`, `?` or a quote in
// a DOI can neither end the link early nor point it elsewhere), and a lone surrogate, which
// the built-in encoders throw on, becomes U+FFFD first. Shared by hovers and the exports.
import { wellFormed } from '../model/bounded-text.js';

/** One URL path segment: everything but unreserved characters percent-encoded. */
export function encodeUrlPart(value: string): string {
  return encodeURIComponent(wellFormed(value)).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The doi.org link of a DOI; the slashes between its parts stay as doi.org writes them. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi.split('/').map(encodeUrlPart).join('/')}`;
}

export function pubmedUrl(pmid: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/${encodeUrlPart(pmid)}/`;
}

// The shapes of the identifiers a reference carries: what a DOI or PubMed id can look like.

/** A DOI as Crossref shapes them: 10.<registrant>/<suffix>, no spaces. */
export const doiShape = /^10\.\d{4,9}\/\S+$/;

/** A PubMed id: a positive whole number of up to nine digits. */
export const pmidShape = /^[1-9]\d{0,8}$/;

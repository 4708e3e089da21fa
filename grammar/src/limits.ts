// The nesting limits both parsers keep: past them the recovering parser reports the
// nesting and drops what is too deep, and the direct parser leaves the file to it.

/** Parentheses deeper than this are reported and ignored, so parsing cannot overflow the stack. */
export const MAX_NESTING = 64;
/** A run of `not` longer than this is shortened by pairs, which keeps its meaning. */
export const MAX_NOT_RUN = 8;

// A guideline of one attribute, one intervention and one rule, for the protocol tests that
// only need a document the server analyses in a moment.
export const oneRuleGuideline = `attribute age: years
intervention resection
statement S1 {
  basis evidence strength strong certainty high agreement 90%
  rule old when age >= 80 years then recommend resection
}
`;

// The grammar package: text in, typed AST and syntax errors out. Knows nothing of LSP.
export * from './ast.js';
export { bareSpan, isBareSpan, spanOf, type Spanned } from './span-of.js';
export { operatorSpan, verbSpan } from './derived-spans.js';
export { parse, lexemesIn, MAX_NESTING, MAX_ERRORS } from './parse.js';
export { reservedKeywords, softKeywords } from './lexer.js';
export { contentAssistAt, type ContentAssist, type ExpectedToken, type AssistToken } from './content-assist.js';

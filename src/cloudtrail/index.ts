// The single import point of the pure CloudTrail core for the VS Code adapter, the CLI and
// the worker. Nothing under this module imports `vscode`.

export * from './types';
export { Char } from './chars';
export { validateCloudTrail } from './validate';
export { tryIncremental, type CtEdit, type IncrementalAttempt } from './incremental';
export { indexRecords, reindexRecord } from './recordIndex';
export { RULES, ruleInfo } from './rules';
export { locate } from './locate';
export { semanticTokens } from './semanticTokens';
export { formatCloudTrail } from './format';
export { lineColumn, LineIndex } from './lineIndex';

// Entry point of validation (work in progress: the parser and rules land next).
import type { CtValidateOptions, CtValidationResult } from './types';

export function validateCloudTrail(_text: string, _options?: CtValidateOptions): CtValidationResult {
  return { diagnostics: [], records: [], fleetRefs: [], format: 'unknown', truncated: false, totalDiagnostics: 0 };
}

// Semantic tokens of a CloudTrail document (work in progress).
import type { CtSemanticToken } from './types';

export function semanticTokens(_text: string, _start?: number, _end?: number): CtSemanticToken[] {
  return [];
}

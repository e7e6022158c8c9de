// What is at an offset (work in progress).
import type { CtLocation } from './types';

export function locate(_text: string, _offset: number): CtLocation | undefined {
  return undefined;
}

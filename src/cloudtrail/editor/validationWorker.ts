// Worker thread that validates CloudTrail text off the extension host's main thread. The text
// arrives as UTF-8 chunks (begin, chunk…, end); the answer is a PositionedResult with ranges
// already in line/column, its typed arrays transferred rather than copied. Bundled to
// dist/cloudtrail.worker.js.
import { parentPort } from 'node:worker_threads';
import { validateAndPosition, type ValidateRequest, type ValidateResponse } from './adapterResult';
import type { CtValidateOptions } from '../index';

const port = parentPort;
const decoder = new TextDecoder('utf-8');
let current: { id: number; options: CtValidateOptions; parts: string[] } | undefined;

function answer(response: ValidateResponse): void {
  const transfer = response.ok ? [response.result.recordPositions.buffer as ArrayBuffer, response.result.folding.buffer as ArrayBuffer, response.result.fleetRefPositions.buffer as ArrayBuffer] : [];
  port?.postMessage(response, transfer);
}

port?.on('message', (request: ValidateRequest) => {
  switch (request.type) {
    case 'begin':
      current = { id: request.id, options: request.options, parts: [] };
      break;
    case 'chunk':
      if (current?.id === request.id) current.parts.push(decoder.decode(request.bytes));
      break;
    case 'abort':
      if (current?.id === request.id) current = undefined;
      break;
    case 'end': {
      if (current?.id !== request.id) break;
      const { id, options, parts } = current;
      current = undefined;
      try {
        answer({ id, ok: true, result: validateAndPosition(parts.join(''), options) });
      } catch (err) {
        answer({ id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
      }
      break;
    }
  }
});

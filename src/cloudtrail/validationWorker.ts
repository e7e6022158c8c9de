// Worker thread that validates CloudTrail text off the extension host's main thread.
// It answers each ValidateRequest with a PositionedResult (ranges already in line/column);
// the record table travels as a transferred buffer, not a copy. Bundled to dist/cloudtrail.worker.js.
import { parentPort } from 'node:worker_threads';
import { validateAndPosition, type ValidateRequest, type ValidateResponse } from './adapterResult';

const port = parentPort;
if (port) {
  port.on('message', (request: ValidateRequest) => {
    let response: ValidateResponse;
    try {
      response = { id: request.id, ok: true, result: validateAndPosition(request.text, request.options) };
    } catch (err) {
      response = { id: request.id, ok: false, error: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) };
    }
    port.postMessage(response, response.ok ? [response.result.recordPositions.buffer as ArrayBuffer, response.result.folding.buffer as ArrayBuffer] : []);
  });
}

// Worker thread of the history index build: reads the files it is sent, one chunk back per
// file (typed arrays transferred, not copied). Bundled to dist/history.worker.js.
import { parentPort } from 'node:worker_threads';
import { chunkTransferList, LocalStrings, readFileChunk } from './fileChunk';

export interface ReadRequest {
  readonly path: string;
  readonly fileNo: number;
}

const strings = new LocalStrings();
const port = parentPort;
if (port) {
  port.on('message', (request: ReadRequest) => {
    const chunk = readFileChunk(request.path, request.fileNo, strings);
    port.postMessage(chunk, chunkTransferList(chunk));
  });
}

// Worker thread of the history index build: reads the batches of files it is sent, one chunk
// back per batch (typed arrays transferred, not copied). Bundled to dist/history.worker.js.
import { parentPort } from 'node:worker_threads';
import { ChunkReader, chunkTransferList, type ReadRequest } from './fileChunk';

const reader = new ChunkReader();
const port = parentPort;
if (port) {
  port.on('message', (batch: readonly ReadRequest[]) => {
    const chunk = reader.readFiles(batch);
    port.postMessage(chunk, chunkTransferList(chunk));
  });
}

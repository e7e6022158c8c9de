// Where the public CloudTrail corpus lives inside this repository (copied from its upstream
// sources; see test/fixtures/cloudtrail-corpus/NOTICE.md). One place for tests and benchmarks.
import { join } from 'node:path';

/** test/fixtures/cloudtrail-corpus (this file compiles to out/test/support/cloudtrailCorpus.js). */
export const CORPUS_DIR = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'cloudtrail-corpus');

// Entry point VS Code loads inside the real extension host (the `extensionTestsPath`).
// Runs mocha with the BDD interface (`describe`/`it`, like the unit tests) over every
// compiled `out/test/integration/**/*.test.js`, and rejects when a test fails so the
// workbench reports exit code 1 to the runner.
// Narrowing (set by `npm run test:integration -- --grep X file…`, or directly):
//   GAMELIFT_TEST_FILES  comma-separated file fragments, e.g. "activation,explorer"
//   GAMELIFT_TEST_GREP   mocha grep over full test titles
import * as path from 'path';
import Mocha from 'mocha';
import { findTestFiles, lineReporter, selectFiles } from '../host/mochaSupport';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.GAMELIFT_TEST_TIMEOUT_MS ?? 60_000),
    reporter: lineReporter('integration'),
  });
  if (process.env.GAMELIFT_TEST_GREP) mocha.grep(process.env.GAMELIFT_TEST_GREP);

  const all = findTestFiles(__dirname, '.test.js');
  const files = selectFiles(all, process.env.GAMELIFT_TEST_FILES);
  console.log(
    `[integration] ${files.length} of ${all.length} test file(s) in ${path.relative(path.resolve(__dirname, '..', '..', '..'), __dirname)}`,
  );
  for (const f of files) mocha.addFile(f);

  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (err) {
      reject(err);
    }
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}

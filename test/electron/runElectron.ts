// `npm run test:electron`: the standard @vscode/test-electron run (desktop VS Code
// downloaded from update.code.visualstudio.com) with the same integration suite as the
// offline host. For machines with internet access; it is not part of `npm test`.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { createRunDir, gameliftSettings, QUIET_SETTINGS, writeUserSettings } from '../host/runDir';
import { REPO_ROOT, INTEGRATION_INDEX } from '../host/paths';
import { startEmulatorIfAvailable } from '../host/emulator';

async function main(): Promise<number> {
  const run = createRunDir('electron');
  const emulator = await startEmulatorIfAvailable('default');
  try {
    writeUserSettings(run, { ...QUIET_SETTINGS, ...gameliftSettings(emulator?.url) });
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: INTEGRATION_INDEX,
      launchArgs: [
        run.workspace,
        '--user-data-dir',
        run.userData,
        '--extensions-dir',
        run.extensions,
        '--disable-workspace-trust',
      ],
      extensionTestsEnv: {
        GAMELIFT_TEST_ENDPOINT: emulator?.url,
        AWS_CONFIG_FILE: path.join(run.home, '.aws', 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(run.home, '.aws', 'credentials'),
      },
    });
    return 0;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (
      /download|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|fetch failed|update\.code\.visualstudio/i.test(
        message,
      )
    ) {
      console.error(
        `[electron] Could not download VS Code for @vscode/test-electron: ${message}\n` +
          '[electron] This runner needs internet access to update.code.visualstudio.com.\n' +
          '[electron] Offline, use "npm run test:integration" (the same suite in the offline VS Code server).',
      );
    } else {
      console.error(`[electron] Tests failed: ${message}`);
    }
    return 1;
  } finally {
    await emulator?.stop();
    run.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`[electron] FAILED: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

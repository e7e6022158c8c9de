// Runs test code with a controlled AWS environment: every AWS_* variable that could steer
// the SDK is cleared, the given ones set, and all restored afterwards. Everything written
// meanwhile lives under the temporary HOME, which the restore function removes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const STEERING = /^AWS_/;

/** The temporary HOME of the isolation in force, if any. */
let isolatedHome: string | undefined;

/** Returns a function that restores the environment. `process.env.HOME` is an empty temp directory meanwhile. */
export function isolateAwsEnv(): () => void {
  const saved = Object.entries(process.env).filter(([k]) => STEERING.test(k));
  for (const [k] of saved) delete process.env[k];
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gamelift-test-home-'));
  isolatedHome = home;
  // A fresh HOME too: the SSO token cache and ~/.aws are looked up under it.
  const savedHome = process.env.HOME;
  process.env.HOME = home;
  // Files that do not exist: nothing from the developer's own ~/.aws leaks into a test.
  process.env.AWS_CONFIG_FILE = path.join(home, 'no-config');
  process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(home, 'no-credentials');
  // Never let the chain fall through to the instance metadata service.
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  return () => {
    for (const k of Object.keys(process.env)) if (STEERING.test(k)) delete process.env[k];
    for (const [k, v] of saved) process.env[k] = v;
    if (savedHome === undefined) delete process.env.HOME;
    else process.env.HOME = savedHome;
    if (isolatedHome === home) isolatedHome = undefined;
    fs.rmSync(home, { recursive: true, force: true });
  };
}

/**
 * Writes files into a fresh directory under the isolated HOME and returns their paths;
 * restoring the environment removes them. Call it only inside `isolateAwsEnv()`.
 */
export function writeTempFiles(files: Record<string, string>): { dir: string; paths: Record<string, string> } {
  if (!isolatedHome) throw new Error('writeTempFiles() needs isolateAwsEnv() first (its restore removes the files)');
  const dir = fs.mkdtempSync(path.join(isolatedHome, 'aws-'));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    fs.writeFileSync(paths[name], text);
  }
  return { dir, paths };
}

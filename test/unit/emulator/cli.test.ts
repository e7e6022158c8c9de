// The command-line endpoint: `node out/test/emulator/cli.js --port 0` prints its URL, answers
// the real SDK, takes --fault/--latency, exposes the control path, and exits on SIGTERM.
import { ListFleetsCommand } from '@aws-sdk/client-gamelift';
import { type ChildProcess, spawn } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { RunningEmulator } from '../../emulator/server';
import { clientFor, rejection } from './helpers';

const CLI = path.join(__dirname, '..', '..', 'emulator', 'cli.js');

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
}

function startCli(args: string[]): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1], output: () => out });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
    child.once('error', reject);
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Polls (the child's stdout arrives after the HTTP answer) for up to 10 s. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 50));
}

/** Just enough of RunningEmulator for clientFor(). */
const remote = (url: string) => ({ url }) as RunningEmulator;

describe('emulator CLI', function () {
  this.timeout(30_000);
  const children: ChildProcess[] = [];
  after(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  });

  it('starts on a free port, answers the SDK, logs requests without secrets, and stops on SIGTERM', async () => {
    const cli = await startCli(['--port', '0', '--scenario', 'default']);
    children.push(cli.child);
    const out = await clientFor(remote(cli.url)).send(new ListFleetsCommand({}));
    assert.equal(out.FleetIds?.length, 8);
    await until(() => /ListFleets 200/.test(cli.output()));
    assert.match(cli.output(), /ListFleets 200/);
    assert.ok(!cli.output().includes('AKIALOCAL'), 'no access key in the log');
    assert.ok(!cli.output().includes('Secret'), 'no secret in the log');
    cli.child.kill('SIGTERM');
    assert.equal(await exited(cli.child), 0);
  });

  it('takes faults on the command line and at run time through the control path', async () => {
    const cli = await startCli(['--port', '0', '--fault', 'throttle:1@ListFleets', '--latency', '5', '--quiet']);
    children.push(cli.child);
    const client = clientFor(remote(cli.url), { maxAttempts: 1 });
    assert.equal((await rejection(client.send(new ListFleetsCommand({})))).name, 'ThrottlingException');
    assert.ok(((await client.send(new ListFleetsCommand({}))).FleetIds ?? []).length > 0);
    const set = await fetch(`${cli.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ rules: [{ kind: 'internalError', times: 1 }] }),
    });
    assert.equal(set.status, 200);
    assert.equal((await rejection(client.send(new ListFleetsCommand({})))).name, 'InternalServiceException');
    const requests = (await (await fetch(`${cli.url}/__emulator/requests`)).json()) as Array<{
      operation: string;
      status: number;
    }>;
    assert.deepEqual(
      requests.map((r) => r.status),
      [400, 200, 500],
    );
    assert.ok(!cli.output().includes('ListFleets'), '--quiet prints no request log');
    cli.child.kill('SIGTERM');
    await exited(cli.child);
  });

  it('refuses bad arguments with usage and exit code 2', async () => {
    const child = spawn(process.execPath, [CLI, '--fault', 'meteor:3'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    assert.equal(await exited(child), 2);
    assert.match(err, /unknown fault kind/);
    assert.match(err, /Usage:/);
  });
});

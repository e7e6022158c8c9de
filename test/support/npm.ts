// How tests start npm: through npm's own CLI on this Node when they run under `npm test`
// (npm_execpath), else the `npm` on PATH.
export function npmCommand(args: string[]): [command: string, args: string[]] {
  const cli = process.env.npm_execpath;
  return cli?.endsWith('.js') ? [process.execPath, [cli, ...args]] : ['npm', args];
}

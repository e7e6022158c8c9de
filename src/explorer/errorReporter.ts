// What happens when the tree or a command hits an error: one redacted log line per failure
// (however often the tree redraws it), and for an expired or missing SSO session a message
// whose "Sign in" opens a terminal running `aws sso login --profile <name>`. Prompts are not
// repeated for the same profile until the user acts or refreshes.
import * as vscode from 'vscode';
import { ssoSessionFor } from '../gamelift/profiles';
import { errorLogLine, type ClassifiedError } from '../gamelift/errors';
import type { Prompts } from './prompts';

export const SIGN_IN_ACTION = 'Sign in';

export class ErrorReporter {
  private readonly prompted = new Set<string>();
  private readonly reported = new WeakSet<ClassifiedError>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly prompts: Prompts,
  ) {}

  report(error: ClassifiedError): void {
    if (error.kind === 'cancelled' || this.reported.has(error)) return;
    this.reported.add(error);
    this.log.error(errorLogLine(error));
    if ((error.kind === 'ssoExpired' || error.kind === 'credentials') && error.profile) void this.offerSignIn(error);
  }

  /** Lets the next SSO failure prompt again (after Refresh). */
  reset(): void {
    this.prompted.clear();
  }

  private async offerSignIn(error: ClassifiedError): Promise<void> {
    const profile = error.profile!;
    if (this.prompted.has(profile)) return;
    // Only profiles that sign in through IAM Identity Center get the sign-in action.
    const sso = await ssoSessionFor(profile).catch(() => undefined);
    if (error.kind !== 'ssoExpired' && !sso) return;
    this.prompted.add(profile);
    const command = sso?.loginCommand ?? `aws sso login --profile ${profile}`;
    const choice = await this.prompts.message(
      'warning',
      `GameLift: the AWS SSO session for profile "${profile}" has expired or was never started. Sign in with \`${command}\`, then refresh.`,
      SIGN_IN_ACTION,
    );
    if (choice === SIGN_IN_ACTION) {
      this.prompted.delete(profile);
      openSignInTerminal(command);
    }
  }
}

export function openSignInTerminal(command: string): vscode.Terminal {
  const terminal = vscode.window.createTerminal({ name: 'AWS SSO sign-in' });
  terminal.show();
  terminal.sendText(command, true);
  return terminal;
}

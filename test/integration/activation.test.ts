// The extension loads in a real VS Code: it activates, every `gamelift.*` command its
// manifest declares is registered, and its Fleets view can be shown.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'gamelift-tools.gamelift-fleet-explorer';

interface ManifestCommand {
  command: string;
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

describe('Extension activation', () => {
  before(async () => {
    await extension().activate();
  });

  it('activates', () => {
    assert.strictEqual(extension().isActive, true);
  });

  it('registers every gamelift.* command declared in package.json', async () => {
    const declared = ((extension().packageJSON.contributes?.commands ?? []) as ManifestCommand[])
      .map((c) => c.command)
      .filter((id) => id.startsWith('gamelift.'));
    assert.ok(declared.length > 0, 'package.json declares no gamelift.* commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = declared.filter((id) => !registered.has(id));
    assert.deepStrictEqual(missing, [], `declared but not registered: ${missing.join(', ')}`);
  });

  it('shows the GameLift container and focuses the Fleets view', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of ['workbench.view.extension.gamelift', 'gamelift.fleets.focus']) {
      assert.ok(registered.has(id), `${id} is not available (view container or view not contributed?)`);
    }
    // Both reject if the container or the view cannot be opened.
    await vscode.commands.executeCommand('workbench.view.extension.gamelift');
    await vscode.commands.executeCommand('gamelift.fleets.focus');
  });
});

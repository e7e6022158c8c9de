// The extension loads in a real VS Code: it activates, every `gamelift.*` command its
// manifest declares is registered, the GameLift bundle loads only when its view is drawn,
// and its Fleets view can be shown.
import * as assert from 'assert';
import * as path from 'path';
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

  it('loads neither the GameLift bundle nor the AWS SDK until the Fleets view is drawn', async () => {
    const dist = path.join(extension().extensionPath, 'dist');
    const loaded = () => Object.keys(require.cache).filter((file) => file.startsWith(dist));
    const before = loaded();
    assert.ok(
      before.includes(path.join(dist, 'extension.js')),
      `activation loaded dist/extension.js: ${before.join(', ')}`,
    );
    assert.ok(!before.includes(path.join(dist, 'gamelift.js')), 'dist/gamelift.js was loaded at activation');
    assert.ok(!before.includes(path.join(dist, 'cloudtrail.js')), 'dist/cloudtrail.js was loaded at activation');
    await vscode.commands.executeCommand('workbench.view.extension.gamelift');
    await vscode.commands.executeCommand('gamelift.fleets.focus');
    for (let i = 0; i < 100 && !loaded().includes(path.join(dist, 'gamelift.js')); i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.ok(loaded().includes(path.join(dist, 'gamelift.js')), 'drawing the Fleets view loads dist/gamelift.js');
  });

  it('loads the CloudTrail language features with the first CloudTrail log, not for a plain JSON file', async () => {
    const dist = path.join(extension().extensionPath, 'dist');
    const loaded = () => Object.keys(require.cache).includes(path.join(dist, 'cloudtrail.js'));
    const plain = await vscode.workspace.openTextDocument({ language: 'json', content: '{ "name": "plain" }' });
    await vscode.window.showTextDocument(plain);
    await new Promise((r) => setTimeout(r, 500));
    assert.strictEqual(loaded(), false, 'a plain JSON file loaded dist/cloudtrail.js');
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const logs = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(folder, 'cloudtrail'));
    const name = logs.map(([n]) => n).find((n) => n.endsWith('.json'))!;
    const log = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'cloudtrail', name));
    await vscode.window.showTextDocument(log);
    for (let i = 0; i < 100 && !loaded(); i++) await new Promise((r) => setTimeout(r, 100));
    assert.strictEqual(log.languageId, 'cloudtrail');
    assert.strictEqual(loaded(), true, 'a CloudTrail log loads dist/cloudtrail.js');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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

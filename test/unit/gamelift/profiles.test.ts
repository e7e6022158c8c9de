// Profiles from the shared files named by AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, and
// SSO details for the "sign in again" hint.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { listProfiles, regionForProfile, ssoSessionFor } from '../../../src/gamelift/profiles';
import { sharedConfigFiles } from '../../emulator/credentials';
import { isolateAwsEnv, writeTempFiles } from './helpers/env';

const CONFIG = `[default]
region = eu-west-1

[profile zeta]
region = ap-northeast-1

[profile corp-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Dev

[profile old-sso]
sso_start_url = https://old.awsapps.com/start
sso_region = eu-central-1

[profile odd name]
region = us-east-2

[profile team/dev:sso]
sso_session = corp

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local]
gamelift =
  endpoint_url = http://127.0.0.1:4566
`;

describe('profiles', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = isolateAwsEnv();
  });
  afterEach(() => restore());

  // "odd name" has a space, which the SDK's own parser does not accept either, so it is not offered.
  it('lists profiles from both files, default first, without sso-session or services sections', async () => {
    const test = sharedConfigFiles();
    const files = writeTempFiles({
      config: CONFIG,
      credentials: `${test.credentials}\n[creds-only]\naws_access_key_id = AKIAX\naws_secret_access_key = y\n`,
    });
    process.env.AWS_CONFIG_FILE = files.paths.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = files.paths.credentials;
    assert.deepEqual(await listProfiles(), [
      'default',
      'corp-dev',
      'creds-only',
      'local-dev',
      'local-qa',
      'old-sso',
      'team/dev:sso',
      'zeta',
    ]);
  });

  it('reads the files again after they change', async () => {
    const files = writeTempFiles({ config: '[profile one]\nregion = us-west-2\n' });
    process.env.AWS_CONFIG_FILE = files.paths.config;
    assert.deepEqual(await listProfiles(), ['one']);
    writeFileSync(files.paths.config, '[profile one]\nregion = us-west-2\n[profile two]\nregion = us-east-1\n');
    assert.deepEqual(await listProfiles(), ['one', 'two']);
  });

  it('returns no profiles when there are no files', async () => {
    assert.deepEqual(await listProfiles(), []);
  });

  it('describes SSO profiles (both layouts) and nothing for others', async () => {
    process.env.AWS_CONFIG_FILE = writeTempFiles({ config: CONFIG }).paths.config;
    assert.deepEqual(await ssoSessionFor('corp-dev'), {
      profile: 'corp-dev',
      ssoSession: 'corp',
      startUrl: 'https://corp.awsapps.com/start',
      ssoRegion: 'us-east-1',
      loginCommand: 'aws sso login --profile corp-dev',
    });
    assert.deepEqual(await ssoSessionFor('old-sso'), {
      profile: 'old-sso',
      startUrl: 'https://old.awsapps.com/start',
      ssoRegion: 'eu-central-1',
      loginCommand: 'aws sso login --profile old-sso',
    });
    assert.equal(await ssoSessionFor('zeta'), undefined);
    assert.equal(await ssoSessionFor('missing'), undefined);
    assert.equal(await ssoSessionFor('odd name'), undefined);
  });

  it('quotes odd profile names in the login command, and reads regions', async () => {
    process.env.AWS_CONFIG_FILE = writeTempFiles({ config: CONFIG }).paths.config;
    assert.equal((await ssoSessionFor('team/dev:sso'))?.loginCommand, `aws sso login --profile 'team/dev:sso'`);
    assert.equal(await regionForProfile('zeta'), 'ap-northeast-1');
    assert.equal(await regionForProfile('default'), 'eu-west-1');
    assert.equal(await regionForProfile('corp-dev'), undefined);
  });
});

// Credentials the local GameLift endpoint accepts. They are fake and recognisable on
// purpose, so tests can search logs and settings for them (they must never appear).
// Each access key belongs to one emulated AWS account; the host runner writes them into
// the test HOME's ~/.aws/credentials under the profile names below.

export interface TestAccount {
  readonly profile: string;
  readonly accountId: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export const TEST_ACCOUNTS: readonly TestAccount[] = [
  {
    profile: 'local-dev',
    accountId: '111122223333',
    accessKeyId: 'AKIALOCALGAMELIFT001',
    secretAccessKey: 'local+Secret/Key+For+The+GameLift+Emulator+001',
  },
  {
    profile: 'local-qa',
    accountId: '444455556666',
    accessKeyId: 'AKIALOCALGAMELIFT002',
    secretAccessKey: 'local+Secret/Key+For+The+GameLift+Emulator+002',
  },
];

/** The default profile used by the demo and most tests. */
export const DEFAULT_TEST_ACCOUNT = TEST_ACCOUNTS[0];

/** A credential provider for the SDK (`ClientOptions.credentials`) with a test account's keys. */
export function testCredentials(
  account: TestAccount = DEFAULT_TEST_ACCOUNT,
): () => Promise<{ accessKeyId: string; secretAccessKey: string }> {
  return async () => ({ accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey });
}

/** Writes ~/.aws-style `credentials` and `config` file contents for the test accounts. */
export function sharedConfigFiles(region = 'us-west-2'): { credentials: string; config: string } {
  const credentials = TEST_ACCOUNTS.map(
    (a) => `[${a.profile}]\naws_access_key_id = ${a.accessKeyId}\naws_secret_access_key = ${a.secretAccessKey}\n`,
  ).join('\n');
  const config = TEST_ACCOUNTS.map((a) => `[profile ${a.profile}]\nregion = ${region}\n`).join('\n');
  return { credentials, config };
}

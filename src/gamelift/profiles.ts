// Reads the user's AWS profiles from the shared config and credentials files (honouring
// AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE), and tells whether a profile signs in
// through IAM Identity Center (SSO), so the UI can suggest `aws sso login --profile <name>`.
import { loadSharedConfigFiles } from '@smithy/core/config';

// Sections in the config file that are not profiles (`[sso-session x]`, `[services x]`).
const NON_PROFILE_PREFIXES = ['sso-session.', 'services.'];

/** Profile names from both files, `default` first, then alphabetical; each name once. */
export async function listProfiles(): Promise<string[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set<string>();
  for (const name of Object.keys(configFile)) {
    if (!NON_PROFILE_PREFIXES.some((p) => name.startsWith(p))) names.add(name);
  }
  for (const name of Object.keys(credentialsFile)) names.add(name);
  return [...names].sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a.localeCompare(b)));
}

export interface SsoSessionInfo {
  readonly profile: string;
  /** The `[sso-session …]` section the profile uses; undefined for the legacy layout. */
  readonly ssoSession?: string;
  readonly startUrl?: string;
  readonly ssoRegion?: string;
  /** What to run in a terminal to sign in again. */
  readonly loginCommand: string;
}

/** SSO details for a profile, or undefined when it does not use SSO (or does not exist). */
export async function ssoSessionFor(profile: string): Promise<SsoSessionInfo | undefined> {
  const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const section = configFile[profile];
  if (!section) return undefined;
  const sessionName = section['sso_session'];
  const session = sessionName ? configFile[`sso-session.${sessionName}`] : undefined;
  const startUrl = session?.['sso_start_url'] ?? section['sso_start_url'];
  const ssoRegion = session?.['sso_region'] ?? section['sso_region'];
  if (!sessionName && !startUrl) return undefined;
  return {
    profile,
    ...(sessionName ? { ssoSession: sessionName } : {}),
    ...(startUrl ? { startUrl } : {}),
    ...(ssoRegion ? { ssoRegion } : {}),
    loginCommand: `aws sso login --profile ${quoteForShell(profile)}`,
  };
}

/** The region a profile names in the config file, if any (a good default for the region picker). */
export async function regionForProfile(profile: string): Promise<string | undefined> {
  const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
  return configFile[profile]?.['region'] || undefined;
}

function quoteForShell(name: string): string {
  return /^[A-Za-z0-9_.@+-]+$/.test(name) ? name : `'${name.replace(/'/g, `'\\''`)}'`;
}

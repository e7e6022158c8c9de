// The endpoint the user configured outside this extension for one service, resolved for the
// chosen profile: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, then the profile's `services`
// section (`gamelift = \n  endpoint_url = …`) and its `endpoint_url`, unless
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / `ignore_configured_endpoint_urls` say not to.
//
// Why: the SDK looks these up only for the AWS_PROFILE (or default) profile, not for the
// `profile` a client was built with, so a user picking profile "local" in the tree would
// otherwise get the AWS endpoint instead of the one in that profile.
import { loadConfig } from '@smithy/core/config';

type Section = Record<string, string | undefined>;
type ConfigFile = Record<string, Section | undefined>;

function isTrue(value: string | undefined): boolean {
  return value !== undefined && value.trim().toLowerCase() === 'true';
}

/**
 * The configured endpoint of a service (`serviceKey`: its key in a `[services …]` section, e.g.
 * `gamelift`) for `profile` (undefined = AWS_PROFILE or default), if any.
 */
export async function configuredEndpointFor(
  profile: string | undefined,
  serviceKey: string,
): Promise<string | undefined> {
  const envName = `AWS_ENDPOINT_URL_${serviceKey.toUpperCase()}`;
  const init = profile ? { profile } : {};
  const ignore = await loadConfig<boolean>(
    {
      environmentVariableSelector: (env) =>
        env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS !== undefined
          ? isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)
          : undefined,
      configFileSelector: (section) =>
        section.ignore_configured_endpoint_urls !== undefined
          ? isTrue(section.ignore_configured_endpoint_urls)
          : undefined,
      default: false,
    },
    init,
  )();
  if (ignore) return undefined;
  const url = await loadConfig<string | undefined>(
    {
      environmentVariableSelector: (env) => env[envName] || env.AWS_ENDPOINT_URL || undefined,
      configFileSelector: (section, file) => {
        const servicesName = section.services;
        if (servicesName) {
          const services = (file as ConfigFile | undefined)?.[`services.${servicesName}`];
          const fromServices = services?.[`${serviceKey}.endpoint_url`];
          if (fromServices) return fromServices;
        }
        return section.endpoint_url || undefined;
      },
      default: undefined,
    },
    init,
  )();
  return url?.trim() || undefined;
}

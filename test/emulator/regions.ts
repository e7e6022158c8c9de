// Regions that can be a managed fleet's home only as a single location. AWS's table "Amazon
// GameLift Servers service locations" (developer guide, gamelift-regions) marks these as homes
// for single-location fleets but not for multi-location or container fleets; there the
// location operations answer UnsupportedRegionException, as GameLift's own tools expect
// (amazon-gamelift-toolkit, fast-build-update-tool get_instances.go).
import { ServiceError } from './wire';

export const SINGLE_LOCATION_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-northeast-3',
  'ap-southeast-5',
  'ap-southeast-7',
  'eu-north-1',
  'eu-south-1',
  'eu-west-3',
  'me-south-1',
]);

/**
 * Throws the service's answer to a location or container operation in a single-location Region.
 * The wording is the model's description of the error; AWS does not publish the exact message.
 */
export function requireMultiLocationRegion(region: string): void {
  if (SINGLE_LOCATION_REGIONS.has(region)) {
    throw new ServiceError(
      'UnsupportedRegionException',
      'The requested operation is not supported in the Region specified.',
    );
  }
}

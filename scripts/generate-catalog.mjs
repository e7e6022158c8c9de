// Regenerates src/gamelift/data/*.json (and the CloudTrail catalogue the tests hold the hover
// docs to, in test/fixtures/cloudtrail-catalog) from a GameLift research catalog
// (gamelift-catalog.json, kept outside this repository). The generated files are committed, so
// building and testing never need the catalog.
// Run: node scripts/generate-catalog.mjs <path/to/gamelift-catalog.json>
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2];
if (!source) {
  console.error('usage: node scripts/generate-catalog.mjs <path/to/gamelift-catalog.json>');
  process.exit(2);
}
const catalog = JSON.parse(readFileSync(source, 'utf8'));

const categoryOrder = [
  'fleet_state_transition',
  'fleet_creation',
  'vpc_peering',
  'spot_instance',
  'server_process',
  'game_session',
  'container_group',
  'location_state_transition',
  'instance_and_compute',
  'other',
];
const categories = categoryOrder.map((id) => ({ id, label: catalog.eventCodeCategories[id].label }));
const eventCodes = catalog.eventCodes.map((e) => ({
  code: e.code,
  category: e.category,
  severity: e.severity,
  severityReason: e.severityReason,
  documentedByAws: e.documentedByAws,
}));
const operations = catalog.operations.map((o) => ({
  name: o.name,
  readOnly: o.readOnly,
  classification: o.classification,
  paginated: o.paginated,
  ...(o.note ? { note: o.note } : {}),
}));

// Written in the repository's Prettier layout, so `npm run format:check` stays green.
const write = async (dir, name, data) => {
  const file = join(root, ...dir, name);
  const options = { ...(await prettier.resolveConfig(file)), filepath: file };
  writeFileSync(file, await prettier.format(JSON.stringify(data, null, 2), options));
};
await write(['src', 'gamelift', 'data'], 'eventCodes.json', { categories, eventCodes });
await write(['src', 'gamelift', 'data'], 'operations.json', operations);
await write(['test', 'fixtures', 'cloudtrail-catalog'], 'cloudtrail.json', catalog.cloudtrail);
console.log(`wrote ${eventCodes.length} event codes, ${categories.length} categories, ${operations.length} operations`);

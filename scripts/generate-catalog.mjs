// Regenerates src/gamelift/data/*.json from the research catalog in ../shared/reference.
// The generated files are committed so that building never depends on ../shared.
// Run: node scripts/generate-catalog.mjs [path/to/gamelift-catalog.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'reference', 'gamelift-catalog.json');
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

const write = (name, data) =>
  writeFileSync(join(root, 'src', 'gamelift', 'data', name), JSON.stringify(data, null, 1) + '\n');
write('eventCodes.json', { categories, eventCodes });
write('operations.json', operations);
write('enums.json', catalog.shapes.enums);
write('cloudtrail.json', catalog.cloudtrail);
console.log(`wrote ${eventCodes.length} event codes, ${categories.length} categories, ${operations.length} operations`);

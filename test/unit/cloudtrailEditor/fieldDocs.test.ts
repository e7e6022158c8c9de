// Field explanations must cover every catalogued top-level field and every enumerated value.
import * as assert from 'node:assert/strict';
import catalog from '../../fixtures/cloudtrail-catalog/cloudtrail.json';
import {
  TOP_LEVEL_FIELD_DOCS,
  NESTED_FIELD_DOCS,
  fieldDocFor,
  valueDocFor,
  recordRelativeKey,
} from '../../../src/cloudtrail/editor/hover/fieldDocs';

interface CatalogField {
  name: string;
  knownValues?: string[];
  enum?: string[];
}

describe('cloudtrail editor: fieldDocs', () => {
  const fields = catalog.topLevelFields as CatalogField[];

  it('documents exactly the 33 catalogued top-level fields', () => {
    assert.equal(fields.length, 33);
    assert.deepEqual(Object.keys(TOP_LEVEL_FIELD_DOCS).sort(), fields.map((f) => f.name).sort());
  });

  it('gives every field a sentence that ends properly', () => {
    for (const [name, doc] of [...Object.entries(TOP_LEVEL_FIELD_DOCS), ...Object.entries(NESTED_FIELD_DOCS)]) {
      assert.ok(doc.summary.length > 15, name);
      assert.match(doc.summary, /[.)]$/, name);
    }
  });

  it('explains every userIdentity.type in the catalogue', () => {
    for (const t of catalog.userIdentity.type.enum) assert.ok(valueDocFor(['userIdentity', 'type'], t), t);
  });

  it('explains every eventType and eventCategory value named in the reference', () => {
    for (const t of [
      'AwsApiCall',
      'AwsServiceEvent',
      'AwsConsoleAction',
      'AwsConsoleSignIn',
      'AwsCloudTrailInsight',
      'AwsVpceEvent',
    ]) {
      assert.ok(valueDocFor(['Records', 0, 'eventType'], t), t);
    }
    for (const c of ['Management', 'Data', 'NetworkActivity', 'Insight'])
      assert.ok(valueDocFor([0, 'eventCategory'], c), c);
    assert.equal(valueDocFor(['eventType'], 'Nonsense'), undefined);
    assert.equal(valueDocFor(['eventType'], 42), undefined);
  });

  it('finds docs from paths in every document shape', () => {
    assert.equal(fieldDocFor(['Records', 3, 'eventName']), TOP_LEVEL_FIELD_DOCS.eventName);
    assert.equal(fieldDocFor([3, 'eventTime']), TOP_LEVEL_FIELD_DOCS.eventTime);
    assert.equal(fieldDocFor(['awsRegion']), TOP_LEVEL_FIELD_DOCS.awsRegion);
    assert.equal(fieldDocFor(['detail', 'errorCode']), TOP_LEVEL_FIELD_DOCS.errorCode);
    assert.equal(fieldDocFor(['Records', 0, 'resources', 2, 'ARN']), NESTED_FIELD_DOCS['resources.ARN']);
    assert.equal(
      fieldDocFor(['Records', 0, 'userIdentity', 'sessionContext', 'attributes', 'mfaAuthenticated']),
      NESTED_FIELD_DOCS['userIdentity.sessionContext.attributes.mfaAuthenticated'],
    );
    assert.equal(fieldDocFor(['Records', 0, 'requestParameters', 'fleetId']), undefined);
    assert.equal(fieldDocFor(['Records', 0, 'toString']), undefined);
    assert.equal(recordRelativeKey(['Records', 1]), undefined);
  });
});

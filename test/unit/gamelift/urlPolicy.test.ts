// The URL check that guards openExternal and the clipboard: what is allowed and what is refused.
import * as assert from 'node:assert/strict';
import { checkExternalUrl, displayHost } from '../../../src/gamelift/urlPolicy';

const S3 =
  'https://gamelift-fleet-logs.s3.us-west-2.amazonaws.com/fleet-1/log.zip?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc';

function allowed(url: string, endpoints?: string[]): boolean {
  return checkExternalUrl(url, 'log', { customEndpoints: endpoints }).allowed;
}

describe('urlPolicy', () => {
  it('allows https links on AWS hosts', () => {
    assert.ok(allowed(S3));
    assert.ok(allowed('https://bucket.s3.cn-north-1.amazonaws.com.cn/x?X-Amz-Signature=1'));
    assert.ok(allowed('https://logs.gamelift.us-east-1.api.aws/x'));
    assert.ok(allowed('https://S3.AMAZONAWS.COM/bucket/key'));
  });

  it('allows the configured custom endpoint by exact scheme, host and port', () => {
    assert.ok(allowed('http://127.0.0.1:4566/logs/fleet-1/abc?sig=1', ['http://127.0.0.1:4566']));
    assert.ok(allowed('http://127.0.0.1:4566/logs/x', [undefined as unknown as string, 'http://127.0.0.1:4566/']));
    assert.ok(!allowed('http://127.0.0.1:4567/logs/x', ['http://127.0.0.1:4566']), 'other port');
    assert.ok(!allowed('https://127.0.0.1:4566/logs/x', ['http://127.0.0.1:4566']), 'other scheme');
    assert.ok(!allowed('http://localhost:4566/logs/x', ['http://127.0.0.1:4566']), 'other host name');
    assert.ok(!allowed('http://127.0.0.1:4566/logs/x'), 'no endpoint configured');
    assert.ok(!allowed('http://127.0.0.1:4566/logs/x', ['not a url', '']), 'junk endpoint settings');
  });

  it('refuses http on AWS hosts and other schemes', () => {
    for (const url of [
      'http://bucket.s3.amazonaws.com/key',
      'javascript:alert(1)',
      'JavaScript:alert(document.domain)//.amazonaws.com',
      'file:///etc/passwd',
      'data:text/html,<script>alert(1)</script>',
      'vscode://settings',
      'command:workbench.action.terminal.new',
      'ftp://bucket.s3.amazonaws.com/key',
    ]) {
      const verdict = checkExternalUrl(url, 'log', { customEndpoints: ['http://127.0.0.1:4566'] });
      assert.equal(verdict.allowed, false, url);
    }
  });

  it('refuses look-alike hosts', () => {
    for (const url of [
      'https://amazonaws.com.evil.example/x',
      'https://evilamazonaws.com/x',
      'https://amazonaws.com/x',
      'https://s3.amazonaws.com.cn.evil.example/x',
      'https://api.aws.evil.example/x',
      'https://xn--amazonaws-xyz.com/x',
      'https://s3.amazonaws.com./x',
      'https://s3.amazonaws.co/x',
    ]) {
      assert.equal(allowed(url), false, url);
    }
  });

  it('refuses userinfo tricks', () => {
    for (const url of [
      'https://amazonaws.com@evil.example/x',
      'https://s3.amazonaws.com:443@evil.example/x',
      'https://user:pass@bucket.s3.amazonaws.com/x',
      'https://evil.example\\@bucket.s3.amazonaws.com/x',
    ]) {
      assert.equal(allowed(url), false, url);
    }
  });

  it('refuses malformed input, odd ports and control characters', () => {
    for (const value of [
      '',
      'not a url',
      'https://',
      '//bucket.s3.amazonaws.com/x',
      'https://bucket.s3.amazonaws.com:8443/x',
      'https://bucket.s3.amazonaws.com/x\n',
      ' https://bucket.s3.amazonaws.com/x',
      `https://bucket.s3.amazonaws.com/${'a'.repeat(9000)}`,
    ]) {
      assert.equal(allowed(value), false, JSON.stringify(value.slice(0, 60)));
    }
    assert.equal(checkExternalUrl(undefined, 'log').allowed, false);
    assert.equal(checkExternalUrl(42, 'log').allowed, false);
  });

  it('explains a refusal without echoing the query', () => {
    const verdict = checkExternalUrl('http://bucket.s3.amazonaws.com/key?X-Amz-Signature=secret', 'log');
    assert.equal(verdict.allowed, false);
    if (!verdict.allowed) {
      assert.match(verdict.reason, /https/);
      assert.doesNotMatch(verdict.reason, /secret/);
    }
  });

  it('allows documentation only on docs.aws.amazon.com over https', () => {
    assert.ok(
      checkExternalUrl('https://docs.aws.amazon.com/gamelift/latest/developerguide/monitoring-events.html', 'docs')
        .allowed,
    );
    assert.ok(!checkExternalUrl('http://docs.aws.amazon.com/x', 'docs').allowed);
    assert.ok(!checkExternalUrl('https://docs.aws.amazon.com.evil.example/x', 'docs').allowed);
    assert.ok(!checkExternalUrl(S3, 'docs').allowed, 'a log host is not a docs host');
  });

  it('shows only the host of a link', () => {
    assert.equal(displayHost(S3), 'gamelift-fleet-logs.s3.us-west-2.amazonaws.com');
    assert.equal(displayHost('http://127.0.0.1:4566/logs/x?sig=1'), '127.0.0.1:4566');
    assert.equal(displayHost('nonsense'), undefined);
  });
});

// The extension's CloudTrail event histories: one LookupHistory per connection (profile and
// Region), all behind the one rate limiter, each with the CloudTrail client of the one client
// factory. When the factory hands out a new client (after a refresh or a settings change forgot
// the old one), the history starts over with it.
import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { ClientFactory } from '../../gamelift/clientFactory';
import { targetKey, type ConnectionTarget } from '../../gamelift/types';
import { LookupHistory } from './lookupHistory';
import { RateLimiter } from './rateLimiter';

export class LookupHistories {
  private readonly histories = new Map<string, { client: CloudTrailClient; history: LookupHistory }>();

  constructor(
    private readonly clients: Pick<ClientFactory, 'clientFor'>,
    /** Shared by every history: CloudTrail allows 2 LookupEvents calls per second per account and Region. */
    readonly limiter: RateLimiter = new RateLimiter(),
  ) {}

  /** The history of a connection (its pages are kept per time window). */
  history(target: ConnectionTarget): LookupHistory {
    const key = targetKey(target);
    const client = this.clients.clientFor('cloudtrail', target);
    const kept = this.histories.get(key);
    if (kept && kept.client === client) return kept.history;
    // The account is not known before the first answer; the profile stands for it.
    const history = new LookupHistory(client, {
      limiter: this.limiter,
      limiterKey: `${target.profile ?? '(default)'}/${target.region}`,
    });
    this.histories.set(key, { client, history });
    return history;
  }

  /** Drops the histories of every connection, or of one (Refresh): the next look-up reads CloudTrail again. */
  forget(target?: ConnectionTarget): void {
    if (target) this.histories.delete(targetKey(target));
    else this.histories.clear();
  }
}

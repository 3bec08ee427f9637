import type { Account } from '../validate/aor.js';
import { TableRepository, type Row } from './table-repository.js';

export interface SpeedDialRow extends Row {
  id: number;
  username: string;
  domain: string;
  sd_username: string;
  sd_domain: string;
  new_uri: string;
  fname: string;
  lname: string;
  description: string;
}

const key = (owner: Account, short: Account) => ({
  username: owner.username,
  domain: owner.domain,
  sd_username: short.username,
  sd_domain: short.domain,
});

/** The speeddial module's `speed_dial` table: per owner, short AoR -> URI. */
export class SpeedDialRepository extends TableRepository<SpeedDialRow> {
  list(owner?: Account): Promise<SpeedDialRow[]> {
    return this.select(owner ? { username: owner.username, domain: owner.domain } : {});
  }

  byShort(short: Account): Promise<SpeedDialRow[]> {
    return this.select({ sd_username: short.username, sd_domain: short.domain });
  }

  async add(owner: Account, short: Account, uri: string, description: string): Promise<void> {
    await this.insert({ ...key(owner, short), new_uri: uri, description });
  }

  remove(owner: Account, short: Account): Promise<number> {
    return this.delete(key(owner, short));
  }
}

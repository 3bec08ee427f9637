import type { Account } from '../validate/aor.js';
import { TableRepository, type Row } from './table-repository.js';

export interface AclRow extends Row {
  id: number;
  username: string;
  domain: string;
  grp: string;
  last_modified: string;
}

/** Group membership (the group module's `grp` table), what `is_user_in()` reads. */
export class AclRepository extends TableRepository<AclRow> {
  list(account?: Account): Promise<AclRow[]> {
    return this.select(account ? { username: account.username, domain: account.domain } : {});
  }

  async has(account: Account, group: string): Promise<boolean> {
    return (await this.count({ username: account.username, domain: account.domain, grp: group })) > 0;
  }

  async grant(account: Account, group: string, now: string): Promise<void> {
    await this.insert({ username: account.username, domain: account.domain, grp: group, last_modified: now });
  }

  revoke(account: Account, group?: string): Promise<number> {
    return this.delete({ username: account.username, domain: account.domain, ...(group === undefined ? {} : { grp: group }) });
  }
}

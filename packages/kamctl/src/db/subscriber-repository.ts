import type { Account } from '../validate/aor.js';
import { TableRepository, type Row } from './table-repository.js';

export interface SubscriberRow extends Row {
  id: number;
  username: string;
  domain: string;
  password: string;
  ha1: string;
  ha1b: string;
}

/** The subscriber table (auth_db). */
export class SubscriberRepository extends TableRepository<SubscriberRow> {
  async find(account: Account): Promise<SubscriberRow | undefined> {
    const [row] = await this.select({ username: account.username, domain: account.domain });
    return row;
  }

  async exists(account: Account): Promise<boolean> {
    return (await this.count({ username: account.username, domain: account.domain })) > 0;
  }

  async set(account: Account, values: Row): Promise<number> {
    return this.update({ username: account.username, domain: account.domain }, values);
  }

  async remove(account: Account): Promise<number> {
    return this.delete({ username: account.username, domain: account.domain });
  }
}

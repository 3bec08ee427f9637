import type { Account } from '../validate/aor.js';
import { TableRepository, type Row } from './table-repository.js';

export interface AliasRow extends Row {
  id: number;
  alias_username: string;
  alias_domain: string;
  username: string;
  domain: string;
}

const aliasKey = (alias: Account) => ({ alias_username: alias.username, alias_domain: alias.domain });

/** alias_db's `dbaliases`: alias AoR -> target AoR. */
export class AliasRepository extends TableRepository<AliasRow> {
  targetsOf(alias: Account): Promise<AliasRow[]> {
    return this.select(aliasKey(alias));
  }

  aliasesOf(target?: Account): Promise<AliasRow[]> {
    return this.select(target ? { username: target.username, domain: target.domain } : {});
  }

  async isAlias(alias: Account): Promise<boolean> {
    return (await this.count(aliasKey(alias))) > 0;
  }

  async add(alias: Account, target: Account): Promise<void> {
    await this.insert({ ...aliasKey(alias), username: target.username, domain: target.domain });
  }

  remove(alias: Account): Promise<number> {
    return this.delete(aliasKey(alias));
  }

  /** What `kamctl rm` removes with a subscriber: the aliases pointing at it. */
  removeTargeting(target: Account): Promise<number> {
    return this.delete({ username: target.username, domain: target.domain });
  }
}

import { TableRepository, type Row } from './table-repository.js';

export interface DomainRow extends Row {
  id: number;
  domain: string;
  did: string | null;
  last_modified: string;
}

/** The domain module's `domain` table (what `is_domain_local()` reads after `domain.reload`). */
export class DomainRepository extends TableRepository<DomainRow> {
  async exists(domain: string): Promise<boolean> {
    return (await this.count({ domain })) > 0;
  }

  async add(domain: string, did: string | null, now: string): Promise<void> {
    await this.insert({ domain, did, last_modified: now });
  }

  remove(domain: string): Promise<number> {
    return this.delete({ domain });
  }
}

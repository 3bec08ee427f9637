import { TableRepository, type Row, type Where } from './table-repository.js';

export interface AvpRow extends Row {
  id: number;
  uuid: string;
  username: string;
  domain: string;
  attribute: string;
  type: number;
  value: string;
  last_modified: string;
}

/** avpops' `usr_preferences`: attributes per user (username+domain) or per uuid. */
export class AvpRepository extends TableRepository<AvpRow> {
  list(filter: Where): Promise<AvpRow[]> {
    return this.select(filter);
  }

  async add(row: Omit<AvpRow, 'id'>): Promise<void> {
    await this.insert(row);
  }

  remove(filter: Where): Promise<number> {
    return this.delete(filter);
  }
}

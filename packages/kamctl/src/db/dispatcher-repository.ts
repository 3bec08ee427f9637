import { TableRepository, type Row } from './table-repository.js';

export interface DispatcherRow extends Row {
  id: number;
  setid: number;
  destination: string;
  flags: number;
  priority: number;
  attrs: string;
  description: string;
}

export type NewDestination = Omit<DispatcherRow, 'id'>;

/** The dispatcher module's table: one destination per row, grouped in sets. */
export class DispatcherRepository extends TableRepository<DispatcherRow> {
  list(): Promise<DispatcherRow[]> {
    return this.select({}, ['setid', 'id']);
  }

  async add(row: NewDestination): Promise<number> {
    // MySQL has no RETURNING (knex would warn); its insert answers the new id itself.
    const isMysql = String(this.db.client.config.client).startsWith('mysql');
    const result = (await (isMysql ? this.query().insert(row) : this.query().insert(row, ['id']))) as unknown[];
    const first = result[0];
    return Number(typeof first === 'object' && first !== null ? (first as { id: number }).id : first);
  }

  remove(id: number): Promise<number> {
    return this.delete({ id });
  }

  removeSet(setid: number): Promise<number> {
    return this.delete({ setid });
  }
}

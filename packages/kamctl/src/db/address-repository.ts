import { TableRepository, type Row } from './table-repository.js';

export interface AddressRow extends Row {
  id: number;
  grp: number;
  ip_addr: string;
  mask: number;
  port: number;
  tag: string | null;
}

export type NewAddress = Omit<AddressRow, 'id'>;

/** The permissions module's `address` table (allow_address / allow_source_address). */
export class AddressRepository extends TableRepository<AddressRow> {
  async add(row: NewAddress): Promise<void> {
    await this.insert(row);
  }

  remove(grp: number, ip: string): Promise<number> {
    return this.delete({ grp, ip_addr: ip });
  }
}

import { TableRepository, type Row } from './table-repository.js';

export interface TrustedRow extends Row {
  id: number;
  src_ip: string;
  proto: string;
  from_pattern: string | null;
  ruri_pattern: string | null;
  tag: string | null;
  priority: number;
}

/** The permissions module's `trusted` table (allow_trusted). */
export class TrustedRepository extends TableRepository<TrustedRow> {
  async add(row: Pick<TrustedRow, 'src_ip' | 'proto' | 'from_pattern' | 'tag'>): Promise<void> {
    await this.insert(row);
  }

  remove(srcIp: string): Promise<number> {
    return this.delete({ src_ip: srcIp });
  }
}

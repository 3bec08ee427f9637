import type { Knex } from 'knex';

export type Row = Record<string, unknown>;
export type Where = Record<string, string | number | null>;

/**
 * Parameterised access to one table: every value is a bound parameter and every identifier is
 * quoted by knex, so quotes, backslashes and unicode reach the database as they are.
 */
export class TableRepository<R extends Row = Row> {
  constructor(
    protected readonly db: Knex | Knex.Transaction,
    readonly table: string,
  ) {}

  protected query(): Knex.QueryBuilder {
    return this.db(this.table);
  }

  async select(where: Where = {}, orderBy: string[] = ['id']): Promise<R[]> {
    let q = this.query().select('*').where(where);
    for (const column of orderBy) q = q.orderBy(column);
    return (await q) as R[];
  }

  async count(where: Where): Promise<number> {
    const [row] = (await this.query().where(where).count({ n: '*' })) as { n: number | string }[];
    return Number(row?.n ?? 0);
  }

  async insert(values: Row): Promise<void> {
    await this.query().insert(values);
  }

  async update(where: Where, values: Row): Promise<number> {
    return Number(await this.query().where(where).update(values));
  }

  async delete(where: Where): Promise<number> {
    return Number(await this.query().where(where).delete());
  }

  /** Column names as the database has them (to refuse unknown names before building SQL). */
  async columnNames(): Promise<string[]> {
    return Object.keys(await this.query().columnInfo());
  }
}

/** The knex instances an engine has open, one per database, each opened on first use and closed once. */
import type { Knex } from 'knex';

export class DatabaseConnections {
  private readonly open = new Map<string, Knex>();

  async get(database: string, connect: () => Promise<Knex>): Promise<Knex> {
    let db = this.open.get(database);
    if (!db) {
      db = await connect();
      this.open.set(database, db);
    }
    return db;
  }

  async close(database: string): Promise<void> {
    const db = this.open.get(database);
    this.open.delete(database);
    await db?.destroy();
  }

  async closeAll(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((db) => db.destroy()));
  }
}

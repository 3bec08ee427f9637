import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { resolveTable } from '@kamkit/schema';

import { IMPORT_KINDS } from '../src/import/import-kinds.js';
import { settingsFromVariables } from '../src/settings/kamctl-settings.js';
import { kamailioSchema } from './support/sqlite-database.js';

// Every column kamctl reads or writes, by table (repositories, commands, import kinds).
const USED: Record<string, string[]> = {
  subscriber: ['id', 'username', 'domain', 'password', 'ha1', 'ha1b'],
  grp: ['id', 'username', 'domain', 'grp', 'last_modified'],
  dbaliases: ['id', 'alias_username', 'alias_domain', 'username', 'domain'],
  domain: ['id', 'domain', 'did', 'last_modified'],
  speed_dial: ['id', 'username', 'domain', 'sd_username', 'sd_domain', 'new_uri', 'description'],
  usr_preferences: ['id', 'uuid', 'username', 'domain', 'attribute', 'type', 'value', 'last_modified'],
  trusted: ['id', 'src_ip', 'proto', 'from_pattern', 'ruri_pattern', 'tag', 'priority'],
  address: ['id', 'grp', 'ip_addr', 'mask', 'port', 'tag'],
  dispatcher: ['id', 'setid', 'destination', 'flags', 'priority', 'attrs', 'description'],
};

describe('table and column names against the Kamailio 5.6.3 schema (@kamkit/schema)', () => {
  const tables = new Map(kamailioSchema().groups.flatMap((g) => g.tables.map((t) => resolveTable(t, 'mysql'))).map((t) => [t.name, t]));

  test('every default table name exists and has every column kamctl uses', () => {
    const names = settingsFromVariables({}).tables;
    for (const table of Object.values(names)) {
      const model = tables.get(table);
      assert.ok(model, `table ${table}`);
      const columns = model.columns.map((c) => c.name);
      for (const column of USED[table] ?? []) assert.ok(columns.includes(column), `${table}.${column}`);
    }
  });

  test('every import kind uses existing columns', () => {
    const names = settingsFromVariables({}).tables;
    for (const kind of IMPORT_KINDS) {
      const columns = tables.get(names[kind.table])!.columns.map((c) => c.name);
      for (const f of [...kind.fields, ...kind.keyColumns]) assert.ok(columns.includes(f), `${kind.name}: ${f}`);
    }
  });
});

import ts from 'typescript';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeVault, openDesk } from './helpers';

// db/schema.ts is written by hand beside the migrations: this reads its table types with the
// TypeScript checker and holds them against the tables a fresh archive really has, so the two
// cannot drift apart (a column renamed in a migration, a nullable column typed as always there).

type Kind = 'text' | 'number' | 'bytes' | 'other';
interface DeclaredColumn {
  nullable: boolean;
  kind: Kind;
}

function declaredTables(): Map<string, Map<string, DeclaredColumn>> {
  const file = join(process.cwd(), 'db', 'schema.ts');
  const program = ts.createProgram([file], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const root = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'ArchiveDatabase');
  if (!root) throw new Error('no ArchiveDatabase in db/schema.ts');
  const kindOf = (type: ts.Type): Kind => {
    const parts = type.isUnion() ? type.types : [type];
    const kinds = new Set(
      parts
        .filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)))
        .map((t): Kind => {
          if (t.flags & ts.TypeFlags.StringLike) return 'text';
          if (t.flags & (ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike)) return 'number';
          const name = t.getSymbol()?.getName();
          return name === 'Buffer' || name === 'Uint8Array' ? 'bytes' : 'other';
        }),
    );
    return kinds.size === 1 ? [...kinds][0]! : 'other';
  };
  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const tableProp of checker.getTypeAtLocation(root).getProperties()) {
    const tableType = checker.getTypeOfSymbolAtLocation(tableProp, root);
    const columns = new Map<string, DeclaredColumn>();
    for (const columnProp of tableType.getProperties()) {
      let type = checker.getTypeOfSymbolAtLocation(columnProp, root);
      // Kysely's ColumnType<Select, Insert, Update> (and Generated<T>): what a select returns.
      const select = type.getProperty('__select__');
      if (select) type = checker.getTypeOfSymbolAtLocation(select, root);
      const nullable = type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Null);
      columns.set(columnProp.getName(), { nullable, kind: kindOf(type) });
    }
    tables.set(tableProp.getName(), columns);
  }
  return tables;
}

describe('db/schema.ts against the migrations', () => {
  it('types every table and column the migrations make, with the same nullability and storage kind', async () => {
    const ctx = makeVault();
    await openDesk(ctx);
    const sqlite = ctx.vault.sqlite();
    const live = sqlite.prepare(`select name, type, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_migration%'`).all() as {
      name: string;
      sql: string;
    }[];
    const virtual = live.filter((t) => /^create virtual table/i.test(t.sql)).map((t) => t.name);
    // A full-text table's own storage (search_trigram_data, _idx, …) is SQLite's, not ours.
    const tables = live.map((t) => t.name).filter((name) => !virtual.some((v) => name.startsWith(`${v}_`)));
    const declared = declaredTables();
    expect([...declared.keys()].sort()).toEqual([...tables].sort());

    const drift: string[] = [];
    for (const table of tables) {
      const columns = sqlite.pragma(`table_info(${JSON.stringify(table)})`) as { name: string; type: string; notnull: number; pk: number }[];
      // Every table has SQLite's rowid, whether or not a column names it.
      if (declared.get(table)!.has('rowid')) columns.push({ name: 'rowid', type: 'INTEGER', notnull: 1, pk: 1 });
      const types = declared.get(table)!;
      for (const name of new Set([...columns.map((c) => c.name), ...types.keys()])) {
        const column = columns.find((c) => c.name === name);
        const type = types.get(name);
        if (!column) drift.push(`${table}.${name}: in schema.ts, not in the archive`);
        else if (!type) drift.push(`${table}.${name}: in the archive, not in schema.ts`);
        else if (!virtual.includes(table)) {
          // A primary key's INTEGER is never null once written; otherwise NOT NULL and non-null types go together.
          const mayBeNull = column.notnull === 0 && column.pk === 0;
          if (mayBeNull !== type.nullable) drift.push(`${table}.${name}: ${mayBeNull ? 'nullable' : 'NOT NULL'} in the archive, ${type.nullable ? 'nullable' : 'never null'} in schema.ts`);
          const affinity = /INT|REAL|NUM/i.test(column.type) ? 'number' : /TEXT|CHAR/i.test(column.type) ? 'text' : /BLOB/i.test(column.type) ? 'bytes' : 'other';
          if (type.kind !== 'other' && affinity !== type.kind) drift.push(`${table}.${name}: ${column.type || 'untyped'} in the archive, ${type.kind} in schema.ts`);
        }
      }
    }
    expect(drift).toEqual([]);
  }, 60_000);
});

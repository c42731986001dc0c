import { sql, type Kysely } from 'kysely';

// Where files are (003 §6 4.3, §9): rooms → cabinets (文件柜) → shelves → boxes (档案盒); each
// file has a home box, and every move is kept.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rooms')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createTable('cabinets')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('room_id', 'integer', (c) => c.notNull().references('rooms.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('retired_at', 'text')
    .execute();
  await sql`create unique index cabinets_code on cabinets (code collate nocase)`.execute(db);
  await db.schema
    .createTable('shelves')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('cabinet_id', 'integer', (c) => c.notNull().references('cabinets.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createTable('boxes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('shelf_id', 'integer', (c) => c.notNull().references('shelves.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity > 0`))
    .addColumn('purpose', 'text', (c) =>
      c
        .notNull()
        .defaultTo('active')
        .check(sql`purpose in ('active','departed')`),
    )
    .addColumn('serves_building', 'text')
    .addColumn('serves_floor', 'text')
    .addColumn('retired_at', 'text')
    .execute();
  await sql`create unique index boxes_code on boxes (code collate nocase)`.execute(db);
  await db.schema.createIndex('boxes_shelf').on('boxes').columns(['shelf_id', 'position']).execute();

  await db.schema
    .alterTable('files')
    .addColumn('home_box_id', 'integer', (c) => c.references('boxes.id'))
    .execute();
  await db.schema.createIndex('files_home_box').on('files').columns(['home_box_id', 'ref_no']).execute();
  await db.schema
    .createTable('file_moves')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_id', 'integer', (c) => c.notNull().references('files.id'))
    .addColumn('from_box_id', 'integer', (c) => c.references('boxes.id'))
    .addColumn('to_box_id', 'integer', (c) => c.notNull().references('boxes.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('file_moves_file').on('file_moves').columns(['file_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('file_moves').execute();
  await db.schema.dropIndex('files_home_box').execute();
  await db.schema.alterTable('files').dropColumn('home_box_id').execute();
  for (const t of ['boxes', 'shelves', 'cabinets', 'rooms']) await db.schema.dropTable(t).execute();
}

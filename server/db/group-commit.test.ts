import { describe, expect, it } from 'vitest';
import { openMemoryDatabase } from './client';
import { GroupCommit } from './group-commit';

function setup() {
  const db = openMemoryDatabase();
  db.$client.exec('create table t (id integer primary key, v text not null)');
  db.$client.exec('create table child (parent integer not null references t(id))');
  const rows = () => db.$client.prepare('select v from t order by id').pluck().all();
  return { db, rows, commits: new GroupCommit(db) };
}

describe('group commit', () => {
  it('commits the writes of one turn together, each answered with its own result after the commit', async () => {
    const { db, rows, commits } = setup();
    let commitsSeen = 0;
    const insert = db.$client.prepare('insert into t (v) values (?)');
    const results = await Promise.all(
      ['a', 'b', 'c'].map((v) =>
        commits.run(() => {
          // All three run inside one open transaction.
          if (db.$client.inTransaction) commitsSeen++;
          return Number(insert.run(v).lastInsertRowid);
        }),
      ),
    );
    expect(results).toEqual([1, 2, 3]);
    expect(commitsSeen).toBe(3);
    expect(rows()).toEqual(['a', 'b', 'c']);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('rolls back only the write that failed, and tells only its caller', async () => {
    const { db, rows, commits } = setup();
    const insert = db.$client.prepare('insert into t (v) values (?)');
    const outcomes = await Promise.allSettled([
      commits.run(() => insert.run('kept-1')),
      commits.run(() => {
        insert.run('half-done');
        throw new Error('refused');
      }),
      commits.run(() => insert.run('kept-2')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(rows()).toEqual(['kept-1', 'kept-2']);
  });

  it('fails every caller, and stores nothing, when the commit itself fails', async () => {
    const { db, rows, commits } = setup();
    const insert = db.$client.prepare('insert into t (v) values (?)');
    const outcomes = await Promise.allSettled([
      commits.run(() => insert.run('lost-1')),
      commits.run(() => {
        // A deferred foreign key is checked at COMMIT: the whole batch's commit fails.
        db.$client.pragma('defer_foreign_keys = on');
        db.$client.prepare('insert into child (parent) values (999)').run();
      }),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(rows()).toEqual([]);
    // The next batch works.
    await commits.run(() => insert.run('after'));
    expect(rows()).toEqual(['after']);
  });
});

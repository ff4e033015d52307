import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * One unit of work for the whole API: the open transaction lives in the async context, not in a
 * parameter. Every repository reaches the database through `uow.tx`, which is the transaction's
 * manager inside `uow.run(…)` and the pool outside one — so a write cannot escape its transaction
 * because a caller forgot to pass a manager, and a service opens a transaction without knowing
 * which repositories take part. A `run` inside a `run` joins the outer transaction (all or nothing).
 *
 * Why not nestjs-cls with @nestjs-cls/transactional (the design this copies): its Node-20 line
 * (nestjs-cls 6) is CommonJS and `require`s Nest 12, which is ESM only; Node 20.19 can do that,
 * but Jest on Node 20 cannot, so no test could load the app. The whole mechanism is
 * AsyncLocalStorage plus DataSource.transaction, which this file is.
 */
@Injectable()
export class UnitOfWork {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The manager to query through: the open transaction's, or the pool's. */
  get tx(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  /** Runs `work` in a transaction, or in the one already open: committed when it resolves, rolled back when it throws. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.current.getStore()) return work();
    return this.dataSource.transaction((manager) => this.current.run(manager, work));
  }
}

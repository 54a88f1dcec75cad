import { Injectable } from '@nestjs/common';
import type {
  AccountabilityItemRequest,
  AccountabilityItemView,
  GoalRequest,
  GoalView,
  UpdateAccountabilityItemRequest,
  UpdateGoalRequest,
} from '@pathways/contracts';
import type { EntityManager } from 'typeorm';
import { notFound, staleVersion } from '../common/app-exception';
import type { Actor } from '../common/actor';
import { caseRoute } from './case-input';
import { CaseStore } from './case-store.service';
import { toGoalView, toItemView } from './case-views';
import { AccountabilityItemEntity, GoalEntity } from './case-work.entities';
import type { CaseEntity } from './case.entity';

/** The case plan: goals and accountability items (WIC 652.5 constructive assignments). */
@Injectable()
export class CasePlanService {
  constructor(private readonly store: CaseStore) {}

  async goals(actor: Actor, caseId: string): Promise<GoalView[]> {
    return this.store.read(actor, caseId, 'goals', async (m, c) => {
      const rows = await m
        .getRepository(GoalEntity)
        .find({ where: { caseId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      return rows.map(toGoalView);
    });
  }

  async createGoal(
    actor: Actor,
    caseId: string,
    body: GoalRequest,
    key: string | undefined,
  ): Promise<GoalView> {
    const idempotency = { key, route: caseRoute(caseId, 'goals'), body };
    return this.store.write(actor, caseId, { idempotency }, async (m, c) => {
      const saved = await m.save(
        m.create(GoalEntity, {
          ...this.owned(c, actor),
          domain: body.domain,
          description: body.description,
          dueAt: body.dueAt ?? null,
          status: body.status ?? 'NOT_STARTED',
        }),
      );
      await this.store.record(m, actor, c, { action: 'CREATE', entityType: 'goal', entityId: saved.id });
      return toGoalView(await m.getRepository(GoalEntity).findOneByOrFail({ id: saved.id }));
    });
  }

  async updateGoal(actor: Actor, caseId: string, goalId: string, body: UpdateGoalRequest): Promise<GoalView> {
    return this.store.write(actor, caseId, {}, async (m, c) => {
      const goal = await m.getRepository(GoalEntity).findOneBy({ id: goalId, caseId: c.id });
      if (!goal) throw notFound('Goal');
      if (goal.version !== body.version) throw staleVersion(goal.version);
      const changes: Partial<Pick<GoalEntity, 'description' | 'dueAt' | 'status'>> = {};
      if (body.description !== undefined && body.description !== goal.description)
        changes.description = body.description;
      if (body.dueAt !== undefined && body.dueAt !== goal.dueAt) changes.dueAt = body.dueAt;
      if (body.status !== undefined && body.status !== goal.status) changes.status = body.status;
      await this.store.updateRow(m, actor, c, GoalEntity, goal, changes, 'goal');
      return toGoalView(await m.getRepository(GoalEntity).findOneByOrFail({ id: goal.id }));
    });
  }

  async items(actor: Actor, caseId: string): Promise<AccountabilityItemView[]> {
    return this.store.read(actor, caseId, 'accountability-items', async (m, c) => {
      const rows = await m
        .getRepository(AccountabilityItemEntity)
        .find({ where: { caseId: c.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      const names = await this.store.names(
        m,
        rows.map((i) => i.verifiedBy),
      );
      return rows.map((i) => toItemView(i, names));
    });
  }

  async createItem(
    actor: Actor,
    caseId: string,
    body: AccountabilityItemRequest,
    key: string | undefined,
  ): Promise<AccountabilityItemView> {
    const idempotency = { key, route: caseRoute(caseId, 'accountability-items'), body };
    return this.store.write(actor, caseId, { idempotency }, async (m, c) => {
      const saved = await m.save(
        m.create(AccountabilityItemEntity, {
          ...this.owned(c, actor),
          type: body.type,
          description: body.description || null,
          requiredAmount: String(body.requiredAmount),
          completedAmount: String(body.completedAmount ?? 0),
          dueAt: body.dueAt ?? null,
        }),
      );
      await this.store.record(m, actor, c, {
        action: 'CREATE',
        entityType: 'accountability_item',
        entityId: saved.id,
      });
      return this.itemView(m, saved.id);
    });
  }

  /** `verified: true` records the caller as verifier, now; `false` withdraws the verification. */
  async updateItem(
    actor: Actor,
    caseId: string,
    itemId: string,
    body: UpdateAccountabilityItemRequest,
  ): Promise<AccountabilityItemView> {
    return this.store.write(actor, caseId, {}, async (m, c) => {
      const item = await m.getRepository(AccountabilityItemEntity).findOneBy({ id: itemId, caseId: c.id });
      if (!item) throw notFound('Accountability item');
      if (item.version !== body.version) throw staleVersion(item.version);
      const changes: Partial<
        Pick<AccountabilityItemEntity, 'completedAmount' | 'dueAt' | 'verifiedBy' | 'verifiedAt'>
      > = {};
      if (body.completedAmount !== undefined && body.completedAmount !== Number(item.completedAmount))
        changes.completedAmount = String(body.completedAmount);
      if (body.dueAt !== undefined && body.dueAt !== item.dueAt) changes.dueAt = body.dueAt;
      if (body.verified === true && !item.verifiedBy) {
        changes.verifiedBy = actor.userId;
        changes.verifiedAt = this.store.now();
      }
      if (body.verified === false && item.verifiedBy) {
        changes.verifiedBy = null;
        changes.verifiedAt = null;
      }
      await this.store.updateRow(m, actor, c, AccountabilityItemEntity, item, changes, 'accountability_item');
      return this.itemView(m, item.id);
    });
  }

  private owned(c: CaseEntity, actor: Actor) {
    return { caseId: c.id, organizationId: c.organizationId, createdBy: actor.userId };
  }

  private async itemView(m: EntityManager, id: string): Promise<AccountabilityItemView> {
    const item = await m.getRepository(AccountabilityItemEntity).findOneByOrFail({ id });
    return toItemView(item, await this.store.names(m, [item.verifiedBy]));
  }
}

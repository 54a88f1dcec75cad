import { Injectable } from '@nestjs/common';
import type { UserSummary, UsersQuery } from '@pathways/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  constructor(private readonly dataSource: DataSource) {}

  /** Active users of the caller's own organization (for assignment pickers). */
  async list(actor: Actor, query: UsersQuery): Promise<UserSummary[]> {
    const rows = await this.dataSource.getRepository(UserEntity).find({
      where: {
        organizationId: actor.organizationId,
        active: true,
        ...(query.role ? { role: query.role } : {}),
      },
      order: { displayName: 'ASC' },
    });
    return rows.map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }));
  }
}

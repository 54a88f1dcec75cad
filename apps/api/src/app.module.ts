import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CasesModule } from './cases/cases.module';
import { CatalogModule } from './catalog/catalog.module';
import { CommunityEventsModule } from './community-events/community-events.module';
import type { Clock } from './common/clock';
import type { AppConfig } from './config/app-config';
import { loggerParams } from './config/logger';
import { CoreModule } from './core.module';
import { dataSourceOptions } from './database/data-source';
import { HealthModule } from './health/health.module';
import { NoticesModule } from './notices/notices.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ReferralsModule } from './referrals/referrals.module';
import { ReportsModule } from './reports/reports.module';
import { RetentionModule } from './retention/retention.module';
import { SchoolContactsModule } from './school-contacts/school-contacts.module';
import { TasksModule } from './tasks/tasks.module';
import { UsersModule } from './users/users.module';
import { YouthModule } from './youth/youth.module';

/** Every feature module: the composition below and the route inventory (routes.ts) read this one list. */
export const FEATURE_MODULES = [
  AuthModule,
  AuditModule,
  UsersModule,
  OrganizationsModule,
  RetentionModule,
  CatalogModule,
  HealthModule,
  YouthModule,
  ReferralsModule,
  SchoolContactsModule,
  CommunityEventsModule,
  NoticesModule,
  CasesModule,
  TasksModule,
  ReportsModule,
];

/** Composition only: each feature is one module. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, clock: Clock, logDestination?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, clock),
        LoggerModule.forRoot(loggerParams(config.env, logDestination)),
        TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.env.DB_POOL_MAX)),
        ...FEATURE_MODULES,
      ],
    };
  }
}

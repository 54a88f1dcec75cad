import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './common/clock';
import { AppConfig } from './config/app-config';

/** Process-wide values every feature may inject: the validated configuration and the clock. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, clock: Clock): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: AppConfig, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [AppConfig, Clock],
    };
  }
}

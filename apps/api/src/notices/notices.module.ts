import { Global, Module } from '@nestjs/common';
import { NoticesService } from './notices.service';

/** Global so referral transitions and case closure issue notices through one service. */
@Global()
@Module({ providers: [NoticesService], exports: [NoticesService] })
export class NoticesModule {}

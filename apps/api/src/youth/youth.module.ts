import { Module } from '@nestjs/common';
import { YouthMatchingService } from './youth-matching.service';
import { YouthController } from './youth.controller';

@Module({ controllers: [YouthController], providers: [YouthMatchingService] })
export class YouthModule {}

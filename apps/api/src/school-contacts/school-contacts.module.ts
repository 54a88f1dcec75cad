import { Module } from '@nestjs/common';
import { SchoolContactsController } from './school-contacts.controller';
import { SchoolContactsService } from './school-contacts.service';

@Module({ controllers: [SchoolContactsController], providers: [SchoolContactsService] })
export class SchoolContactsModule {}

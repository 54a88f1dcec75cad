import { Global, Module } from '@nestjs/common';
import { OrganizationAdminService } from './organization-admin.service';
import { OrganizationSettingsService } from './organization-settings.service';
import { OrganizationsController } from './organizations.controller';

/** Organization profile and settings; the settings service is global so any feature can read its clocks. */
@Global()
@Module({
  controllers: [OrganizationsController],
  providers: [OrganizationSettingsService, OrganizationAdminService],
  exports: [OrganizationSettingsService],
})
export class OrganizationsModule {}

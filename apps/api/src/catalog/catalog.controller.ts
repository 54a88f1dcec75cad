import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type ReasonCode,
  type Resource,
  type School,
  type ServiceType,
} from '@pathways/contracts';
import { Authenticated } from '../auth/authenticated.decorator';
import { CatalogService } from './catalog.service';

@ApiTags('catalogs')
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('schools')
  @Authenticated({ permission: PERMISSIONS.CATALOG_READ })
  schools(): Promise<School[]> {
    return this.catalog.schools();
  }

  @Get('reason-codes')
  @Authenticated({ permission: PERMISSIONS.CATALOG_READ })
  reasonCodes(): Promise<ReasonCode[]> {
    return this.catalog.reasonCodes();
  }

  @Get('service-types')
  @Authenticated({ permission: PERMISSIONS.CATALOG_READ })
  serviceTypes(): Promise<ServiceType[]> {
    return this.catalog.serviceTypes();
  }

  @Get('resources')
  @Authenticated({ permission: PERMISSIONS.CATALOG_READ })
  resources(): Promise<Resource[]> {
    return this.catalog.resources();
  }
}

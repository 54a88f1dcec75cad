import { Controller, Get, UseGuards } from '@nestjs/common';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type ReasonCode,
  type Resource,
  type School,
  type ServiceType,
} from '@pathways/contracts';
import { Authenticated, Public } from '../auth/authenticated.decorator';
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

  /** The resource directory for families and the public: no sign-in, rate-limited per address. */
  @Get('public/resources')
  @Public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ ip: { limit: 120, ttl: 60_000 }, account: { limit: 120, ttl: 60_000 } })
  async publicResources(): Promise<Resource[]> {
    return (await this.catalog.resources()).filter((r) => r.active);
  }
}

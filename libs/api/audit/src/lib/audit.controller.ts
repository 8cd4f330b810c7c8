import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, Roles } from '@laurel/api-core';
import { AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('organizer', 'admin')
  @Get('contests/:id/audit')
  page(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Query() query: AuditQueryDto) {
    return this.audit.page(actor, id, query);
  }

  @Roles('organizer', 'admin')
  @Get('contests/:id/audit/verify')
  verifyContest(@CurrentUser() actor: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.audit.verifyContest(actor, id);
  }

  /** The whole platform's chains: walking and hashing every event is the administrator's, not any organizer's. */
  @Roles('admin')
  @Get('audit/verify')
  verify() {
    return this.audit.verify();
  }
}

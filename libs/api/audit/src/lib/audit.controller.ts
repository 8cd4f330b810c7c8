import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, contestNotFound, CurrentUser, Roles, UuidPipe } from '@laurel/api-core';
import type { AuditPageView, AuditVerificationView } from '@laurel/contracts';
import { AuditQueryDto } from './audit.dto';
import { AuditService } from './audit.service';

const CONTEST_ID = new UuidPipe(contestNotFound);

@ApiTags('audit')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Roles('organizer', 'admin')
  @ApiOperation({ summary: "The contest's audit events, newest first, with filters and paging" })
  @ApiAnswer(200, 'AuditPageView')
  @Get('contests/:id/audit')
  page(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string, @Query() query: AuditQueryDto): Promise<AuditPageView> {
    return this.audit.page(actor, id, query);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({ summary: "Walk the contest's hash chain and name the first event that does not match" })
  @ApiAnswer(200, 'AuditVerificationView')
  @Get('contests/:id/audit/verify')
  verifyContest(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string): Promise<AuditVerificationView> {
    return this.audit.verifyContest(actor, id);
  }

  /** The whole platform's chains: walking and hashing every event is the administrator's, not any organizer's. */
  @Roles('admin')
  @ApiOperation({ summary: 'Walk every chain of the platform (administrators)' })
  @ApiAnswer(200, 'AuditVerificationView')
  @Get('audit/verify')
  verify(): Promise<AuditVerificationView> {
    return this.audit.verify();
  }
}

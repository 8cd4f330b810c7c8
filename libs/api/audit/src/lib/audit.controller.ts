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
  @ApiOperation({
    summary: "The contest's audit events, newest first, with filters and paging",
    description:
      "The contest's audit trail, newest first: who did what to which subject and when, filtered by action, actor and time (`from` inclusive, `to` exclusive), in pages. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`; 400 `validation_failed` for a filter it cannot read.",
  })
  @ApiAnswer(
    200,
    'AuditPageView',
    "A page of the contest's audit events, newest first: action, actor, subject, time and the event's data, with the total for paging.",
  )
  @Get('contests/:id/audit')
  page(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string, @Query() query: AuditQueryDto): Promise<AuditPageView> {
    return this.audit.page(actor, id, query);
  }

  @Roles('organizer', 'admin')
  @ApiOperation({
    summary: "Walk the contest's hash chain and name the first event that does not match",
    description:
      "Recomputes the contest's hash chain of audit events and names the first event whose hash does not match (an edit or deletion made outside the API), or says the chain is whole. Only the organizer who owns the contest, or an administrator. Refusals: 404 `contest.not_found`.",
  })
  @ApiAnswer(
    200,
    'AuditVerificationView',
    "Whether the contest's chain is whole: the number of events walked and, when a hash does not match, the first event that breaks it.",
  )
  @Get('contests/:id/audit/verify')
  verifyContest(@CurrentUser() actor: AuthUser, @Param('id', CONTEST_ID) id: string): Promise<AuditVerificationView> {
    return this.audit.verifyContest(actor, id);
  }

  /** The whole platform's chains: walking and hashing every event is the administrator's, not any organizer's. */
  @Roles('admin')
  @ApiOperation({
    summary: 'Walk every chain of the platform (administrators)',
    description: 'Recomputes every audit hash chain of the platform and names each break. Administrators only.',
  })
  @ApiAnswer(
    200,
    'AuditVerificationView',
    'Whether every chain of the platform is whole: the number of events walked and, when a hash does not match, the first event that breaks one.',
  )
  @Get('audit/verify')
  verify(): Promise<AuditVerificationView> {
    return this.audit.verify();
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswer, type AuthUser, CurrentUser, UuidPipe } from '@laurel/api-core';
import type { EntryFeedbackView } from '@laurel/contracts';
import { FeedbackService, notAvailable } from './feedback.service';

const ENTRY_ID = new UuidPipe(notAvailable);

@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @ApiOperation({
    summary: "The entry's feedback for its team after publication: scores, ranks, criterion means against the category, anonymous comments",
    description:
      "Feedback for a team after publication, as the contest's settings allow: its scores and ranks per round, criterion means against the category's, and judges' comments without their names (internal comments never). Only the team that owns the entry. Refusals: 404 `feedback.not_available` (not published, feedback off, or not the caller's entry).",
  })
  @ApiAnswer(
    200,
    'EntryFeedbackView',
    "The team's feedback: scores and ranks per round, criterion means against the category's, and comments without judges' names.",
  )
  @Get('entries/:id/feedback')
  forEntry(@CurrentUser() actor: AuthUser, @Param('id', ENTRY_ID) entryId: string): Promise<EntryFeedbackView> {
    return this.feedback.forEntry(actor, entryId);
  }
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DOCUMENT_LANGUAGES, type DocumentLanguage, type DocumentQuery } from '@laurel/contracts';

export class DocumentQueryDto implements DocumentQuery {
  @ApiPropertyOptional({ enum: DOCUMENT_LANGUAGES, description: 'vi (default) or en' })
  @IsOptional()
  @IsIn(DOCUMENT_LANGUAGES, { message: `must be one of ${DOCUMENT_LANGUAGES.join(', ')}` })
  lang?: DocumentLanguage;
}

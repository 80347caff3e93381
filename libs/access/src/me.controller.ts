import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from './caller';

export class CallerView {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'SECURITY_FIRM' }) kind: string | null;
  @ApiProperty({ example: ['69'] }) departments: string[];
  @ApiProperty() isAdmin: boolean;
  @ApiProperty({ format: 'uuid', description: 'The API key; for a person, their session' }) keyId: string;
  @ApiPropertyOptional({ nullable: true, description: 'The person acting, with a person access token (the console)' })
  person?: { id: string; name: string; expiresAt: number } | null;
}

/** Lets an integrator check a key against this service: who does it authenticate as? */
@ApiTags('authentication')
@Controller('v1/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The organisation the presented API key belongs to, as this service knows it.' })
  @ApiOkResponse({ type: CallerView })
  me(@CurrentCaller() caller: Caller): CallerView {
    return { ...caller };
  }
}

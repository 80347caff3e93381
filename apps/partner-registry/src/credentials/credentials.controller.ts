import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { AuditLog } from '../audit/audit.log';
import { CredentialsService } from './credentials.service';
import { ApiKeyView, IssueKeyDto, IssuedKeyView, RotateKeyDto } from './dto/issued-key.view';

@ApiTags('credentials')
@Controller('v1')
export class CredentialsController {
  constructor(
    private readonly credentials: CredentialsService,
    private readonly audit: AuditLog,
  ) {}

  @Post('organizations/:id/api-keys')
  @ApiOperation({
    summary: 'Issue an API key with roles. The key is in this response only; the registry keeps a scrypt hash.',
  })
  @ApiCreatedResponse({ type: IssuedKeyView })
  issue(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: IssueKeyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuedKeyView> {
    return this.credentials.issue(id, input, caller);
  }

  @Get('organizations/:id/api-keys')
  @ApiOperation({
    summary: 'The keys of an organisation (never their secrets). A read from outside the organisation is audited.',
  })
  @ApiOkResponse({ type: ApiKeyView, isArray: true })
  async list(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<ApiKeyView[]> {
    const keys = await this.credentials.list(id, caller);
    await this.audit.readFromOutside(caller, id, 'api-keys', keys.length);
    return keys;
  }

  @Post('api-keys/:id/rotate')
  @ApiOperation({
    summary: 'Replace a key: a new key with the same roles; the old one expires after the grace period.',
  })
  @ApiCreatedResponse({ type: IssuedKeyView })
  rotate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: RotateKeyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuedKeyView> {
    return this.credentials.rotate(id, input.graceSeconds, caller);
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: every service refuses it within seconds.' })
  @ApiNoContentResponse()
  revoke(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.credentials.revoke(id, caller);
  }
}

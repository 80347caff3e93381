import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { UuidParam } from '@vigie/platform';
import { ReadRoute, CreateRoute, RemoveRoute } from '../access/routes';
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

  @CreateRoute(
    'organizations/:id/api-keys',
    'Issue an API key with roles. The key is in this response only; the registry keeps a scrypt hash.',
    IssuedKeyView,
  )
  issue(@UuidParam() id: string, @Body() input: IssueKeyDto, @CurrentCaller() caller: Caller): Promise<IssuedKeyView> {
    return this.credentials.issue(id, input, caller);
  }

  @ReadRoute(
    'organizations/:id/api-keys',
    'The keys of an organisation (never their secrets). A read from outside the organisation is audited.',
    ApiKeyView,
    'list',
  )
  async list(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<ApiKeyView[]> {
    return this.audit.readFromOutside(caller, id, 'api-keys', await this.credentials.list(id, caller));
  }

  @CreateRoute(
    'api-keys/:id/rotate',
    'Replace a key: a new key with the same roles; the old one expires after the grace period.',
    IssuedKeyView,
  )
  rotate(
    @UuidParam() id: string,
    @Body() input: RotateKeyDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuedKeyView> {
    return this.credentials.rotate(id, input.graceSeconds, caller);
  }

  @RemoveRoute('api-keys/:id', 'Revoke a key: every service refuses it within seconds.')
  revoke(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.credentials.revoke(id, caller);
  }
}

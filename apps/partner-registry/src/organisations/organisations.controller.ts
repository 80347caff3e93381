import { applyDecorators, Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationStatus } from '@vigie/contracts';
import { UuidParam } from '@vigie/platform';
import { ReadRoute, CreateRoute } from '../access/routes';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationView } from './dto/organisation.view';
import { ActivationDto, StatusChangeDto } from './dto/status-change.dto';
import { OrganisationsService } from './organisations.service';

/** A change of status: by operators, answering the organisation, refused where the status forbids it. */
const StatusChangeRoute = (path: string, summary: string): MethodDecorator =>
  applyDecorators(
    Post(path),
    HttpCode(200),
    RequireRoles(ApiKeyRole.Operator),
    ApiOperation({ summary }),
    ApiOkResponse({ type: OrganisationView }),
    ApiConflictResponse({
      description: 'Not possible from the current status (a revoked organisation never changes again).',
    }),
  );

@ApiTags('organisations')
@Controller('v1/organizations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @CreateRoute(
    '',
    'Register an organisation, PENDING until activated. Administrators, or a prefecture for its départements.',
    OrganisationView,
    { byOperators: true },
  )
  create(@Body() input: CreateOrganisationDto, @CurrentCaller() caller: Caller): Promise<OrganisationView> {
    return this.organisations.create(input, caller);
  }

  @ReadRoute('', 'Organisations the caller may see, filtered by kind, département or status.', OrganisationView, 'list')
  list(@Query() query: ListOrganisationsQuery, @CurrentCaller() caller: Caller): Promise<OrganisationView[]> {
    return this.organisations.list(query, caller);
  }

  @ReadRoute(':id', 'An organisation: itself, or one the caller manages.', OrganisationView)
  get(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<OrganisationView> {
    return this.organisations.get(id, caller);
  }

  @StatusChangeRoute(
    ':id/activate',
    'Activate (or reinstate) an organisation; its keys work in every service within seconds.',
  )
  activate(
    @UuidParam() id: string,
    @Body() input: ActivationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationView> {
    return this.organisations.changeStatus(id, OrganisationStatus.Active, input.reason, caller);
  }

  @StatusChangeRoute(':id/suspend', 'Suspend an organisation; every service refuses its keys within seconds.')
  suspend(
    @UuidParam() id: string,
    @Body() input: StatusChangeDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationView> {
    return this.organisations.changeStatus(id, OrganisationStatus.Suspended, input.reason, caller);
  }

  @StatusChangeRoute(':id/revoke', 'Revoke an organisation for good.')
  revoke(
    @UuidParam() id: string,
    @Body() input: StatusChangeDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationView> {
    return this.organisations.changeStatus(id, OrganisationStatus.Revoked, input.reason, caller);
  }
}

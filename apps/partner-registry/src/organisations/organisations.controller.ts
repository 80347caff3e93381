import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole, OrganisationStatus } from '@vigie/contracts';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationView } from './dto/organisation.view';
import { ActivationDto, StatusChangeDto } from './dto/status-change.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('v1/organizations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary: 'Register an organisation, PENDING until activated. Administrators, or a prefecture for its départements.',
  })
  @ApiCreatedResponse({ type: OrganisationView })
  create(@Body() input: CreateOrganisationDto, @CurrentCaller() caller: Caller): Promise<OrganisationView> {
    return this.organisations.create(input, caller);
  }

  @Get()
  @ApiOperation({ summary: 'Organisations the caller may see, filtered by kind, département or status.' })
  @ApiOkResponse({ type: OrganisationView, isArray: true })
  list(@Query() query: ListOrganisationsQuery, @CurrentCaller() caller: Caller): Promise<OrganisationView[]> {
    return this.organisations.list(query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation: itself, or one the caller manages.' })
  @ApiOkResponse({ type: OrganisationView })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<OrganisationView> {
    return this.organisations.get(id, caller);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Activate (or reinstate) an organisation; its keys work in every service within seconds.' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiConflictResponse({
    description: 'Not possible from the current status (a revoked organisation never changes again).',
  })
  activate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: ActivationDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationView> {
    return this.organisations.changeStatus(id, OrganisationStatus.Active, input.reason, caller);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Suspend an organisation; every service refuses its keys within seconds.' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiConflictResponse({
    description: 'Not possible from the current status (a revoked organisation never changes again).',
  })
  suspend(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: StatusChangeDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationView> {
    return this.organisations.changeStatus(id, OrganisationStatus.Suspended, input.reason, caller);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Revoke an organisation for good.' })
  @ApiOkResponse({ type: OrganisationView })
  @ApiConflictResponse({
    description: 'Not possible from the current status (a revoked organisation never changes again).',
  })
  revoke(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: StatusChangeDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationView> {
    return this.organisations.changeStatus(id, OrganisationStatus.Revoked, input.reason, caller);
  }
}

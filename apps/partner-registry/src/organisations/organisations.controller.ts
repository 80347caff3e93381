import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationStatus } from '@vigie/contracts';
import { CurrentCaller, type Caller } from '@vigie/access';
import { IssueKeyDto, IssuedKeyView } from '../credentials/dto/issued-key.view';
import { AdminOnlyGuard } from './admin-only.guard';
import { CreateOrganisationDto } from './dto/create-organisation.dto';
import { OrganisationView } from './dto/organisation.view';
import { StatusChangeDto } from './dto/status-change.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('v1/organizations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post()
  @UseGuards(AdminOnlyGuard)
  @ApiOperation({ summary: 'Register an organisation (PENDING until activated). Administrator only.' })
  @ApiCreatedResponse({ type: OrganisationView })
  create(@Body() input: CreateOrganisationDto, @CurrentCaller() caller: Caller): Promise<OrganisationView> {
    return this.organisations.create(input, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'An organisation: the administrator sees any, an organisation sees itself.' })
  @ApiOkResponse({ type: OrganisationView })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<OrganisationView> {
    return this.organisations.get(id, caller);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @UseGuards(AdminOnlyGuard)
  @ApiOperation({ summary: 'Activate an organisation: its keys start working in every service within seconds.' })
  @ApiOkResponse({ type: OrganisationView })
  activate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: StatusChangeDto,
    @CurrentCaller() caller: Caller,
  ): Promise<OrganisationView> {
    return this.organisations.changeStatus(id, OrganisationStatus.Active, input.reason, caller);
  }

  @Post(':id/api-keys')
  @UseGuards(AdminOnlyGuard)
  @ApiOperation({ summary: 'Issue an API key. The key is in this response only; the registry keeps its hash.' })
  @ApiCreatedResponse({ type: IssuedKeyView })
  issueKey(@Param('id', ParseUUIDPipe) id: string, @Body() input: IssueKeyDto): Promise<IssuedKeyView> {
    return this.organisations.issueKey(id, input);
  }
}

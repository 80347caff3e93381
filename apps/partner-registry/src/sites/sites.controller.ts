import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { SiteView } from './dto/site.view';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('v1')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @Post('organizations/:id/sites')
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary:
      'Register a site of the organisation, in a commune of a département where it operates. Its own operators, or administrators.',
  })
  @ApiCreatedResponse({ type: SiteView })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: CreateSiteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SiteView> {
    return this.sites.create(id, input, caller);
  }

  @Get('organizations/:id/sites')
  @ApiOperation({ summary: 'The sites of an organisation, with what each lacks.' })
  @ApiOkResponse({ type: SiteView, isArray: true })
  list(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<SiteView[]> {
    return this.sites.list(id, caller);
  }

  @Get('sites/:id')
  @ApiOperation({ summary: 'A site, for whoever may read its organisation.' })
  @ApiOkResponse({ type: SiteView })
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<SiteView> {
    return this.sites.get(id, caller);
  }

  @Patch('sites/:id')
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary: 'Rename a site, change its kind, security plan or crisis coordinator. The commune is fixed.',
  })
  @ApiOkResponse({ type: SiteView })
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() input: UpdateSiteDto,
    @CurrentCaller() caller: Caller,
  ): Promise<SiteView> {
    return this.sites.update(id, input, caller);
  }

  @Delete('sites/:id')
  @HttpCode(204)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({ summary: 'Remove a site.' })
  @ApiNoContentResponse()
  remove(@Param('id', ParseUUIDPipe) id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.sites.remove(id, caller);
  }
}

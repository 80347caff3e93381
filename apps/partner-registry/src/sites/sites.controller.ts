import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@vigie/access';
import { UuidParam } from '@vigie/platform';
import { ReadRoute, CreateRoute, ChangeRoute, RemoveRoute } from '../access/routes';
import { CreateSiteDto, UpdateSiteDto } from './dto/site.dto';
import { SiteView } from './dto/site.view';
import { SitesService } from './sites.service';

@ApiTags('sites')
@Controller('v1')
export class SitesController {
  constructor(private readonly sites: SitesService) {}

  @CreateRoute(
    'organizations/:id/sites',
    'Register a site of the organisation, in a commune of a département where it operates. Its own operators, or administrators.',
    SiteView,
    { byOperators: true },
  )
  create(@UuidParam() id: string, @Body() input: CreateSiteDto, @CurrentCaller() caller: Caller): Promise<SiteView> {
    return this.sites.create(id, input, caller);
  }

  @ReadRoute('organizations/:id/sites', 'The sites of an organisation, with what each lacks.', SiteView, 'list')
  list(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<SiteView[]> {
    return this.sites.list(id, caller);
  }

  @ReadRoute('sites/:id', 'A site, for whoever may read its organisation.', SiteView)
  get(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<SiteView> {
    return this.sites.get(id, caller);
  }

  @ChangeRoute(
    'sites/:id',
    'Rename a site, change its kind, security plan or crisis coordinator. The commune is fixed.',
    SiteView,
    { byOperators: true },
  )
  update(@UuidParam() id: string, @Body() input: UpdateSiteDto, @CurrentCaller() caller: Caller): Promise<SiteView> {
    return this.sites.update(id, input, caller);
  }

  @RemoveRoute('sites/:id', 'Remove a site.', { byOperators: true })
  remove(@UuidParam() id: string, @CurrentCaller() caller: Caller): Promise<void> {
    return this.sites.remove(id, caller);
  }
}

import { Controller } from '@nestjs/common';
import { RegistryClient } from '../../clients/registry.client';
import { SECURITY_PLAN, label } from '../../components/labels';
import { renderPage } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { CsvDownload, PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { siteRows, sitesCsv, type SiteRow } from './sites.model';
import { SitesPage } from './sites.view';

/** Organisation kinds that operate sites (the registry only stores sites for them). */
const SITE_OPERATORS = ['SHOPPING_SITE_OPERATOR', 'SOCIAL_LANDLORD', 'JEWELLER', 'TOBACCONIST'];

@Controller()
export class SitesController {
  constructor(private readonly registry: RegistryClient) {}

  @PageGet('sites')
  async list(@Viewer() viewer: SignedIn): Promise<string> {
    const rows = await this.rows(viewer);
    return renderPage(
      SitesPage({
        rows,
        departments: viewer.person.departments,
        ...pageFrame(viewer),
      }),
    );
  }

  @CsvDownload('sites.csv', 'sites.csv')
  async csv(@Viewer() viewer: SignedIn): Promise<string> {
    return sitesCsv(await this.rows(viewer), (status) => label(SECURITY_PLAN, status));
  }

  private async rows(viewer: SignedIn): Promise<SiteRow[]> {
    if (!viewer.stateDesk) throw new NotForYou();
    const departments = viewer.person.departments;
    const [operators, directories] = await Promise.all([
      Promise.all(departments.map((department) => this.registry.organisations(viewer.bearer, { department }))),
      Promise.all(departments.map((department) => this.registry.referentDirectory(viewer.bearer, department))),
    ]);
    const withSites = operators.flat().filter((organisation) => SITE_OPERATORS.includes(organisation.kind));
    const sites = await Promise.all(
      withSites.map((organisation) => this.registry.sites(viewer.bearer, organisation.id)),
    );
    return siteRows(
      sites.flat().filter((site) => departments.includes(site.department)),
      withSites,
      directories.flat(),
    );
  }
}

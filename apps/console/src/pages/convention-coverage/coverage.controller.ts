import { Controller } from '@nestjs/common';
import { RegistryClient } from '../../clients/registry.client';
import { renderPage } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { scopeWords } from '../national/national.model';
import { CsvDownload, PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { coverageCsv, coverageTable } from './coverage.model';
import { CoveragePage } from './coverage.view';

/**
 * Coverage of the conventions for the State desks: the registry counts, in PostgreSQL, and
 * scopes the figures (every département for the national level, its own for a prefecture).
 */
@Controller()
export class CoverageController {
  constructor(private readonly registry: RegistryClient) {}

  @PageGet('conventions')
  async page(@Viewer() viewer: SignedIn): Promise<string> {
    if (!viewer.stateDesk) throw new NotForYou();
    const coverage = await this.registry.conventionCoverage(viewer.bearer);
    return renderPage(
      CoveragePage({
        table: coverageTable(coverage),
        scope: scopeWords(coverage.departments),
        ...pageFrame(viewer),
      }),
    );
  }

  @CsvDownload('conventions.csv', 'couverture-conventions.csv')
  async csv(@Viewer() viewer: SignedIn): Promise<string> {
    if (!viewer.stateDesk) throw new NotForYou();
    return coverageCsv(coverageTable(await this.registry.conventionCoverage(viewer.bearer)));
  }
}

import { Controller } from '@nestjs/common';
import { RegistryClient } from '../../clients/registry.client';
import { renderPage } from '../../render';
import { NotForYou } from '../../session/session.errors';
import { Viewer, type SignedIn } from '../../session/viewer';
import { PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { ReferentsPage } from './referents.view';

@Controller('referents')
export class ReferentsController {
  constructor(private readonly registry: RegistryClient) {}

  @PageGet()
  async list(@Viewer() viewer: SignedIn): Promise<string> {
    if (!viewer.stateDesk) throw new NotForYou();
    const departments = viewer.person.departments;
    const entries = (
      await Promise.all(departments.map((department) => this.registry.referentDirectory(viewer.bearer, department)))
    ).flat();
    return renderPage(ReferentsPage({ entries, departments, ...pageFrame(viewer) }));
  }
}

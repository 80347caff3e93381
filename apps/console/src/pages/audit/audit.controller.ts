import { BadRequestException, Controller, Query } from '@nestjs/common';
import { RegistryClient } from '../../clients/registry.client';
import { renderPage } from '../../render';
import { Viewer, type SignedIn } from '../../session/viewer';
import { CsvDownload, PageGet } from '../page-routes';
import { pageFrame } from '../viewer-of';
import { auditCsv, auditQuery, auditRow, readAuditFilters, type AuditRow } from './audit.model';
import { AuditPage } from './audit.view';

const PAGE = 50;
/** The registry's largest page, and how many entries one export holds at most. */
const EXPORT_PAGE = 500;
const EXPORT_MAX = 10_000;

/**
 * The audit viewer: the registry's audit trail, filtered, paged and exported. Who may read it is
 * the registry's decision (administrators and the national level's operators); anyone else gets
 * the registry's refusal as a page.
 */
@Controller('administration')
export class AuditViewerController {
  constructor(private readonly registry: RegistryClient) {}

  @PageGet('journal')
  async journal(@Viewer() viewer: SignedIn, @Query() query: Record<string, unknown>): Promise<string> {
    const { filters, errors } = readAuditFilters(query);
    const valid = Object.keys(errors).length === 0;
    // A filter in error is shown, and nothing is asked of the registry with it; the registry still decides who may read.
    const entries = await this.registry.audit(viewer.bearer, valid ? auditQuery(filters, PAGE) : { limit: '1' });
    const rows = valid ? entries.map(auditRow) : [];
    const olderThan = rows.length === PAGE ? rows[rows.length - 1].id : null;
    return renderPage(AuditPage({ model: { filters, errors, rows, olderThan }, ...pageFrame(viewer) }));
  }

  @CsvDownload('journal.csv', 'journal-audit.csv')
  async csv(@Viewer() viewer: SignedIn, @Query() query: Record<string, unknown>): Promise<string> {
    const { filters, errors } = readAuditFilters(query);
    if (Object.keys(errors).length > 0) throw new BadRequestException('invalid audit filters');
    const rows: AuditRow[] = [];
    let before = filters.avant;
    while (rows.length < EXPORT_MAX) {
      const page = await this.registry.audit(viewer.bearer, auditQuery({ ...filters, avant: before }, EXPORT_PAGE));
      rows.push(...page.map(auditRow));
      if (page.length < EXPORT_PAGE) break;
      before = String(page[page.length - 1].id);
    }
    return auditCsv(rows);
  }
}

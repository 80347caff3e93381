import { Body, Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { CurrentCaller, RequireRoles, type Caller } from '@vigie/access';
import { ApiKeyRole } from '@vigie/contracts';
import { ImportQuery, ImportReportView } from './dto/import-report.view';
import { checkRowCount, CSV_MEDIA_TYPE, IMPORT_COLUMNS, MAX_IMPORT_ROWS, parseCsv, parseJsonRows } from './import.rows';
import { ImportsService } from './imports.service';

@ApiTags('organisations')
@Controller('v1/organizations/import')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @HttpCode(200)
  @RequireRoles(ApiKeyRole.Operator)
  @ApiOperation({
    summary: `Import partner organisations with their conventions and subscription, from a CSV file or a JSON array (at most ${MAX_IMPORT_ROWS} rows, 8 MB). Administrators, or a prefecture for partners of its départements.`,
    description: `Columns: ${IMPORT_COLUMNS.join(', ')}; in a CSV cell, list items are separated by "|" (the delimiter is "," or ";"). An organisation is matched on its SIRET, or on its kind and name when it has none: importing the same file again creates nothing and reports every row unchanged. Each row is validated as the single-organisation routes would; a refused row is reported (row, field, machine code, French message) and the others are imported.`,
  })
  @ApiConsumes('application/json', CSV_MEDIA_TYPE)
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'array', items: { type: 'object' } },
        { type: 'string', example: 'kind,name,departments,siret,cnapsNumber,conventions\n' },
      ],
    },
  })
  @ApiOkResponse({ type: ImportReportView })
  @ApiBadRequestResponse({ description: 'The file cannot be read, holds no row or too many.' })
  @ApiForbiddenResponse({ description: 'Neither an administrator nor a prefecture.' })
  run(
    @Req() request: Request,
    @Body() body: unknown,
    @Query() query: ImportQuery,
    @CurrentCaller() caller: Caller,
  ): Promise<ImportReportView> {
    const csv = request.is(CSV_MEDIA_TYPE) !== false && request.is(CSV_MEDIA_TYPE) !== null;
    const rows = csv ? parseCsv(typeof body === 'string' ? body : '') : parseJsonRows(body);
    checkRowCount(rows.length);
    return this.imports.import(csv ? 'csv' : 'json', rows, caller, query.activate === 'true');
  }
}

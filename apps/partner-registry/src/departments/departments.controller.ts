import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@vigie/platform';
import { DepartmentView } from './department.view';

interface DepartmentRow {
  code: string;
  name: string;
  prefecture_id: string;
  prefecture_name: string;
  competent_id: string;
  competent_name: string;
}

const SELECT = `SELECT d.code, d.name, p.id AS prefecture_id, p.name AS prefecture_name,
    c.id AS competent_id, c.name AS competent_name
  FROM departments d
  JOIN organisations p ON p.id = d.prefecture_organisation_id
  JOIN organisations c ON c.id = d.competent_organisation_id`;

function view(row: DepartmentRow): DepartmentView {
  return {
    code: row.code,
    name: row.name,
    prefecture: { id: row.prefecture_id, name: row.prefecture_name },
    competentPrefecture: { id: row.competent_id, name: row.competent_name },
  };
}

@ApiTags('departments')
@Controller('v1/departments')
export class DepartmentsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'Every département with its prefecture and the prefecture competent for security partnerships.',
  })
  @ApiOkResponse({ type: DepartmentView, isArray: true })
  async list(): Promise<DepartmentView[]> {
    const rows = await this.dataSource.query<DepartmentRow[]>(`${SELECT} ORDER BY d.code`);
    return rows.map(view);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One département by INSEE code, e.g. 69, 2A, 971.' })
  @ApiOkResponse({ type: DepartmentView })
  async get(@Param('code') code: string): Promise<DepartmentView> {
    const rows = await this.dataSource.query<DepartmentRow[]>(`${SELECT} WHERE d.code = $1`, [code]);
    if (rows.length === 0) throw new NotFoundError('département', code);
    return view(rows[0]);
  }
}

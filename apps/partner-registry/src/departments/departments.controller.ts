import { Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { NotFoundError } from '@vigie/platform';
import { ReadRoute } from '../access/routes';
import { DepartmentView } from './department.view';
import { allDepartments, departmentByCode } from './departments.queries';

@ApiTags('departments')
@Controller('v1/departments')
export class DepartmentsController {
  constructor(private readonly dataSource: DataSource) {}

  @ReadRoute(
    '',
    'Every département with its prefecture and the prefecture competent for security partnerships.',
    DepartmentView,
    'list',
  )
  async list(): Promise<DepartmentView[]> {
    return allDepartments(this.dataSource.manager);
  }

  @ReadRoute(':code', 'One département by INSEE code, e.g. 69, 2A, 971.', DepartmentView)
  async get(@Param('code') code: string): Promise<DepartmentView> {
    const department = await departmentByCode(this.dataSource.manager, code);
    if (!department) throw new NotFoundError('département', code);
    return department;
  }
}

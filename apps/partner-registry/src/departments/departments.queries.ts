import type { EntityManager } from 'typeorm';
import type { DepartmentView } from './department.view';

/** `departments` with the names of their prefecture and of the prefecture competent for partnerships. */

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

function departmentOf(row: DepartmentRow): DepartmentView {
  return {
    code: row.code,
    name: row.name,
    prefecture: { id: row.prefecture_id, name: row.prefecture_name },
    competentPrefecture: { id: row.competent_id, name: row.competent_name },
  };
}

/** Every département, by code. */
export async function allDepartments(manager: EntityManager): Promise<DepartmentView[]> {
  const rows = await manager.query<DepartmentRow[]>(`${SELECT} ORDER BY d.code`);
  return rows.map(departmentOf);
}

export async function departmentByCode(manager: EntityManager, code: string): Promise<DepartmentView | undefined> {
  const [row] = await manager.query<DepartmentRow[]>(`${SELECT} WHERE d.code = $1`, [code]);
  return row && departmentOf(row);
}

/** The organisation competent for security partnerships in a département; undefined for an unknown one. */
export async function competentPrefectureOf(manager: EntityManager, code: string): Promise<string | undefined> {
  const [row] = await manager.query<{ competent_organisation_id: string }[]>(
    'SELECT competent_organisation_id FROM departments WHERE code = $1',
    [code],
  );
  return row?.competent_organisation_id;
}

import { readFileSync } from 'node:fs';

/**
 * Where each convention is deployed, by convention code: a configuration override of the
 * default (every département of the official list). Conventions it does not name keep the
 * default.
 *
 * The private-security convention names 66 départements, but their list is not published in
 * the sources available here, so by default every convention is deployed everywhere and the
 * real lists come from configuration.
 */
export type ConventionDeployments = Record<string, string[]>;

/** Injection token for the override (a ConventionDeployments, or undefined for the default). */
export const CONVENTION_DEPLOYMENTS = Symbol('CONVENTION_DEPLOYMENTS');

/**
 * The département list of every convention: the configured one when there is one, else every
 * official département. Codes are deduplicated and put in the official order. Anything that
 * does not name a known convention or an official département is a configuration error.
 */
export function deploymentsOf(
  conventionCodes: readonly string[],
  officialDepartments: readonly string[],
  configured: unknown,
): Map<string, string[]> {
  const problems: string[] = [];
  const override: Record<string, unknown> = {};
  if (configured !== undefined && configured !== null) {
    if (typeof configured !== 'object' || Array.isArray(configured)) {
      throw new Error('convention deployments must be an object: { "<convention code>": ["69", …] }');
    }
    Object.assign(override, configured);
  }
  for (const [code, departments] of Object.entries(override)) {
    if (!conventionCodes.includes(code)) problems.push(`unknown convention ${code}`);
    if (!Array.isArray(departments) || departments.some((entry) => typeof entry !== 'string')) {
      problems.push(`${code}: expected a list of département codes`);
      continue;
    }
    const unknown = (departments as string[]).filter((entry) => !officialDepartments.includes(entry));
    if (unknown.length > 0) problems.push(`${code}: unknown départements ${unknown.join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`invalid convention deployments: ${problems.join('; ')}`);
  return new Map(
    conventionCodes.map((code) => {
      const listed = override[code] as string[] | undefined;
      return [code, listed ? officialDepartments.filter((entry) => listed.includes(entry)) : [...officialDepartments]];
    }),
  );
}

/** Reads a deployments file (JSON); its content is checked when the conventions are seeded. */
export function readConventionDeployments(path: string): ConventionDeployments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read convention deployments from ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${path} must hold an object: { "<convention code>": ["69", …] }`);
  }
  return parsed as ConventionDeployments;
}

import type { Caller } from '@vigie/access';
import { isCompetentFor } from '../access/registry.access';

export interface DirectoryContext {
  department: string;
  /** Conventions deployed in the département. */
  deployedConventions: string[];
  /** Conventions the caller's organisation is a member of. */
  callerConventions: string[];
}

/**
 * Whose referents the caller finds in a département's directory: the competent prefecture's
 * always, and those of the members of the conventions returned here. Administrators and the
 * competent prefecture see the members of every convention deployed there; a partner that
 * operates in the département and is a member of a convention deployed there sees the members
 * of its own convention(s) only. Null: the directory is not for the caller.
 */
export function directoryConventions(caller: Caller, context: DirectoryContext): string[] | null {
  if (isCompetentFor(caller, context.department)) return context.deployedConventions;
  if (!caller.organisationId || !caller.departments.includes(context.department)) return null;
  const shared = context.deployedConventions.filter((id) => context.callerConventions.includes(id));
  return shared.length > 0 ? shared : null;
}

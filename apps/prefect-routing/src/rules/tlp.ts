/*
 * Traffic Light Protocol 2.0 as routing enforces it. The function judges one candidate that
 * a rule has already selected: being selected by a rule is what "need to know" means here.
 *
 * Readings where TLP 2.0 leaves room:
 * - RED: only recipients the sender named, State recipients included.
 * - AMBER+STRICT: the sender and State recipients (prefectures, State forces, national level).
 * - AMBER: plus partners sharing with a partner sender a convention deployed in the
 *   département — the circle whose members the sender knows. A State sender has no
 *   convention; its circle is every convention member in the département it oversees.
 *   An unknown sender has no circle.
 * - GREEN: State recipients and members of any convention deployed in the département.
 * - CLEAR: anyone a rule selected.
 * The sender itself is always allowed: it is the originating organisation.
 */
import { Tlp, type ConventionMembershipState, type OrganisationKind, isStateKind } from '@vigie/contracts';

/** From least to most restrictive. */
const TLP_RANK: Record<Tlp, number> = {
  [Tlp.Clear]: 0,
  [Tlp.Green]: 1,
  [Tlp.Amber]: 2,
  [Tlp.AmberStrict]: 3,
  [Tlp.Red]: 4,
};

/** The more restrictive of two labels; an absent one imposes nothing. */
export function mostRestrictive(label: Tlp, other?: Tlp): Tlp {
  return other !== undefined && TLP_RANK[other] > TLP_RANK[label] ? other : label;
}

export interface TlpCandidate {
  id: string;
  kind: OrganisationKind;
  conventions: ConventionMembershipState[];
}

export interface TlpContext {
  department: string;
  senderId: string;
  /** True when the sender is a State organisation. */
  senderIsState: boolean;
  /** The sender's memberships; empty when it is unknown to the directory. */
  senderConventions: ConventionMembershipState[];
  namedRecipients: readonly string[];
}

export interface TlpVerdict {
  allowed: boolean;
  reason: string;
}

const allow = (reason: string): TlpVerdict => ({ allowed: true, reason });
const deny = (reason: string): TlpVerdict => ({ allowed: false, reason });

export function allowedByTlp(tlp: Tlp, candidate: TlpCandidate, context: TlpContext): TlpVerdict {
  const label = `TLP:${tlp}`;
  if (candidate.id === context.senderId) return allow(`${label} — originating organisation`);
  if (tlp === Tlp.Red) {
    return context.namedRecipients.includes(candidate.id)
      ? allow(`${label} — named recipient`)
      : deny(`${label} — not a named recipient`);
  }
  if (isStateKind(candidate.kind)) return allow(`${label} — State recipient`);
  const department = context.department;
  switch (tlp) {
    case Tlp.AmberStrict:
      return deny(`${label} — restricted to the originating organisation and State recipients`);
    case Tlp.Amber:
      return sharesConventionWithSender(candidate, context)
        ? allow(`${label} — member of the sender's convention deployed in ${department}`)
        : deny(`${label} — not a member of the sender's convention deployed in ${department}`);
    case Tlp.Green:
      return memberIn(candidate.conventions, department)
        ? allow(`${label} — member of a convention deployed in ${department}`)
        : deny(`${label} — not a member of a convention deployed in ${department}`);
    default:
      return allow(`${label} — no restriction`);
  }
}

function memberIn(conventions: ConventionMembershipState[], department: string): boolean {
  return conventions.some((convention) => convention.departments.includes(department));
}

function sharesConventionWithSender(candidate: TlpCandidate, context: TlpContext): boolean {
  const { department, senderConventions } = context;
  if (context.senderIsState) return memberIn(candidate.conventions, department);
  const senderCircle = new Set(
    senderConventions.filter((c) => c.departments.includes(department)).map((c) => c.conventionId),
  );
  return candidate.conventions.some((c) => senderCircle.has(c.conventionId) && c.departments.includes(department));
}

/*
 * Traffic Light Protocol 2.0 as routing enforces it. The function judges one candidate that
 * a rule has already selected; the circles grow from RED to CLEAR, each containing the next:
 * - RED: only recipients the sender named (State recipients included).
 * - AMBER+STRICT: the originating organisation and State recipients (prefectures, State
 *   forces, national level).
 * - AMBER: plus organisations with a need to know — those a rule names explicitly (a fixed
 *   organisation of a stored rule, or a recipient the sender named).
 * - GREEN: plus the community — members of the sender's convention deployed in the
 *   département. A State sender has no convention: its community is every convention member
 *   in the département it oversees. An unknown sender has no community.
 * - CLEAR: anyone a rule selected (every matching subscriber).
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

/**
 * @param needToKnow the rule that selected the candidate named it explicitly (not through a
 *   subscription or a kind of organisation).
 */
export function allowedByTlp(tlp: Tlp, candidate: TlpCandidate, context: TlpContext, needToKnow = false): TlpVerdict {
  const label = `TLP:${tlp}`;
  if (candidate.id === context.senderId) return allow(`${label} — originating organisation`);
  if (tlp === Tlp.Red) {
    return context.namedRecipients.includes(candidate.id)
      ? allow(`${label} — named recipient`)
      : deny(`${label} — not a named recipient`);
  }
  if (isStateKind(candidate.kind)) return allow(`${label} — State recipient`);
  if (tlp === Tlp.AmberStrict) {
    return deny(`${label} — restricted to the originating organisation and State recipients`);
  }
  if (needToKnow) return allow(`${label} — named by a rule: need to know`);
  const department = context.department;
  switch (tlp) {
    case Tlp.Amber:
      return deny(`${label} — restricted to State recipients and organisations named by a rule`);
    case Tlp.Green:
      return inCommunity(candidate, context)
        ? allow(`${label} — community: ${communityWords(context)} deployed in ${department}`)
        : deny(
            `${label} — outside the community: not a member of ${communityWords(context)} deployed in ${department}`,
          );
    default:
      return allow(`${label} — no restriction`);
  }
}

function communityWords(context: TlpContext): string {
  return context.senderIsState ? 'a convention' : "the sender's convention";
}

function memberIn(conventions: ConventionMembershipState[], department: string): boolean {
  return conventions.some((convention) => convention.departments.includes(department));
}

function inCommunity(candidate: TlpCandidate, context: TlpContext): boolean {
  const { department, senderConventions } = context;
  if (context.senderIsState) return memberIn(candidate.conventions, department);
  const senderCircle = new Set(
    senderConventions.filter((c) => c.departments.includes(department)).map((c) => c.conventionId),
  );
  return candidate.conventions.some((c) => senderCircle.has(c.conventionId) && c.departments.includes(department));
}

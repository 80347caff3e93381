import type { PageFrame, Viewer as LayoutViewer } from '../components/layout';
import type { SignedIn } from '../session/viewer';
import { mayUseRulesBench } from './rules-bench/rules-bench.model';

/** What the page frame shows of the signed-in person. */
export function viewerOf(signedIn: SignedIn): LayoutViewer {
  return {
    personId: signedIn.person.id,
    fullName: signedIn.person.fullName,
    organisationName: signedIn.person.organisationName,
    prefecture: signedIn.stateDesk,
    national: signedIn.person.organisationKind === 'NATIONAL_LEVEL',
    rulesBench: mayUseRulesBench(signedIn.person),
  };
}

/** The frame of a signed-in person's page: the viewer as shown, and the session's CSRF token. */
export function pageFrame(signedIn: SignedIn): PageFrame {
  return { viewer: viewerOf(signedIn), csrfToken: signedIn.csrfToken };
}

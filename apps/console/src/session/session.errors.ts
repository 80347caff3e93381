/** No signed-in person (or the registry ended the session): the filter sends them to sign in. */
export class SignInRequired extends Error {
  constructor(readonly returnTo: string | null) {
    super('sign-in required');
    this.name = 'SignInRequired';
  }
}

/** A form posted without this session's CSRF token. */
export class CsrfRefused extends Error {
  constructor() {
    super('the form was not sent from this console session');
    this.name = 'CsrfRefused';
  }
}

/** Signed in, but the page is for another kind of organisation (a service would refuse anyway). */
export class NotForYou extends Error {
  constructor() {
    super('not available to this organisation');
    this.name = 'NotForYou';
  }
}

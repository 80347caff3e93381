// Each spec opens a schema of its own and runs a service's migrations in it first (own-schema.ts):
// a minute for any hook or test, unless it says otherwise. (A project's `testTimeout` in
// jest.config.js would not do: jest-circus reads only the global one.)
jest.setTimeout(60_000);

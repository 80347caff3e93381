export * from './data-source.factory';
export * from './prepared';
export * from './group-commit';
export * from './advisory-lock';
export * from './migration-steps';
export * from './after-commit';
export * from './channel-listener';
export * from './held-rows';

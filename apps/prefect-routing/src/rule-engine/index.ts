export * from './default-rules';
export * from './directory-entry';
export { indexOf, type DirectoryIndex } from './directory-index';
export * from './routing-rule';
export * from './routing.rules';
export { allowedByTlp, mostRestrictive, type TlpCandidate, type TlpContext, type TlpVerdict } from './tlp';

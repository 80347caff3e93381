export * from './wait-for';
export * from './webhook-sink';
export * from './repo-root';
export * from './stack';
export * from './http-client';
export * from './partners';
export * from './topic-reader';
export * from './tcp-proxy';

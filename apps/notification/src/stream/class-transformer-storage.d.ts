// class-transformer's metadata storage (the @Type targets) is public but has no typed entry point.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}

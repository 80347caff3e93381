export * from './bootstrap';
export * from './config/config.loader';
export * from './config/common.env';
export * from './health/health.module';
export * from './http/domain.error';
export * from './http/error.filter';
export * from './http/public-route';
export * from './http/validation.pipe';

export * from './enums';
export * from './permissions';
export * from './common';
export * from './auth';
export * from './users';
export * from './catalog';
export * from './audit';

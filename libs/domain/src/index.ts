export * from './access/role-permissions';
export * from './auth/password-policy';
export * from './auth/session-policy';

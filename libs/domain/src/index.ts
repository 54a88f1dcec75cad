export * from './access/role-permissions';
export * from './auth/password-policy';
export * from './auth/session-policy';
export * from './referrals/eligibility';
export * from './referrals/referral-states';
export * from './referrals/youth-matching';

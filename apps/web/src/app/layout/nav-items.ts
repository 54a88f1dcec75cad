import { PERMISSIONS, type Me, type Permission } from '@pathways/contracts';
import { paths } from '../paths';

export interface NavItem {
  key: 'home' | 'resources' | 'users' | 'audit';
  to: string;
  /** Shown only to people holding this permission; none means every signed-in user. */
  permission?: Permission;
  end?: boolean;
}

const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: paths.home, end: true },
  { key: 'resources', to: paths.resources, permission: PERMISSIONS.CATALOG_READ },
  { key: 'users', to: paths.adminUsers, permission: PERMISSIONS.ADMIN_USERS_MANAGE },
  { key: 'audit', to: paths.audit, permission: PERMISSIONS.AUDIT_READ },
];

/** Deny by default: an item needing a permission appears only when the session lists it. */
export function navItemsFor(me: Pick<Me, 'permissions'>): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || me.permissions.includes(item.permission));
}

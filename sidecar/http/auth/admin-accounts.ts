// Signing in with a Magento admin account: admin_user holds the password hash and whether the
// account is active or locked; authorization_role/authorization_rule say whether the user's role
// grants Forcebridge's ACL resource. Read-only: Magento's own failure counters are left to Magento.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../../db/pool.js';
import { verifyMagentoPassword } from './magento-password.js';

/** The module's ACL resource (module-config/etc/acl.xml); Magento_Backend::all grants everything. */
export const FORCEBRIDGE_ACL_RESOURCE = 'Forcebridge_Connector::salesforce';
const ALL_RESOURCES = 'Magento_Backend::all';
/** UserContextInterface::USER_TYPE_ADMIN, as Magento writes it in authorization_role.user_type. */
const ADMIN_USER_TYPE = '2';
/** Checked when the username is unknown, so that answer takes as long as a wrong password. */
const UNKNOWN_USER_HASH = `${'0'.repeat(64)}:unknownunknownunknownunknownunkn:3_32_2_67108864`;

export interface AdminUser {
  userId: number;
  username: string;
  firstName: string;
  lastName: string;
}

export type SignInResult = { outcome: 'signed-in'; user: AdminUser } | { outcome: 'refused' } | { outcome: 'not-allowed'; user: AdminUser };

async function hasForcebridgeAccess(pool: DatabasePool, userId: number): Promise<boolean> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT 1 FROM authorization_role user_role
       JOIN authorization_role group_role ON group_role.role_id = user_role.parent_id AND group_role.role_type = 'G'
       JOIN authorization_rule rule ON rule.role_id = group_role.role_id
      WHERE user_role.role_type = 'U' AND user_role.user_id = ? AND user_role.user_type = ?
        AND rule.resource_id IN (?, ?) AND rule.permission = 'allow'
      LIMIT 1`,
    [userId, ADMIN_USER_TYPE, FORCEBRIDGE_ACL_RESOURCE, ALL_RESOURCES],
  );
  return rows.length > 0;
}

/**
 * Checks a Magento admin's username and password. A wrong password, an unknown user, an inactive
 * account and a locked one all give the same 'refused'; 'not-allowed' only once the password is right.
 */
export async function signInAdmin(pool: DatabasePool, username: string, password: string): Promise<SignInResult> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT user_id, username, firstname, lastname, password, is_active, COALESCE(lock_expires > NOW(), 0) AS locked
       FROM admin_user WHERE username = ?`,
    [username],
  );
  const row = rows[0];
  const passwordMatches = await verifyMagentoPassword(password, row ? String(row.password) : UNKNOWN_USER_HASH);
  if (!row || !passwordMatches || Number(row.is_active) !== 1 || Number(row.locked) === 1) return { outcome: 'refused' };
  const user: AdminUser = {
    userId: Number(row.user_id),
    username: String(row.username),
    firstName: row.firstname === null ? '' : String(row.firstname),
    lastName: row.lastname === null ? '' : String(row.lastname),
  };
  return (await hasForcebridgeAccess(pool, user.userId)) ? { outcome: 'signed-in', user } : { outcome: 'not-allowed', user };
}

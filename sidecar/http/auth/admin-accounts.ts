// Magento admin accounts as the console's sign-ins see them: admin_user holds the password hash and
// whether the account is active or locked; authorization_role/authorization_rule say which
// Forcebridge ACL resources the user's role grants. Read-only: Magento's own failure counters are
// left to Magento.
import type mysql from 'mysql2/promise';
import type { DatabasePool } from '../../db/pool.js';
import { verifyMagentoPassword } from './magento-password.js';
import { GRANTABLE_IDS, grantsFromIds, type Grants } from './permissions.js';

/** UserContextInterface::USER_TYPE_ADMIN, as Magento writes it in authorization_role.user_type. */
const ADMIN_USER_TYPE = '2';
/** Checked when the username is unknown, so that answer takes as long as a wrong password. */
const UNKNOWN_USER_HASH = `${'0'.repeat(64)}:unknownunknownunknownunknownunkn:3_32_2_67108864`;

export const NO_FORCEBRIDGE_RESOURCE = 'Your Magento admin role does not include any Salesforce (Forcebridge) resource; ask an administrator to grant one.';

export interface AdminUser {
  userId: number;
  username: string;
  firstName: string;
  lastName: string;
}

/** A console user: the account and the Forcebridge resources its role grants (never empty). */
export interface AdminAccess {
  user: AdminUser;
  resources: Grants;
}

/** 'refused': unknown, wrong password, inactive or locked, all alike; 'not-allowed': no Forcebridge resource. */
export type SignInResult = { outcome: 'signed-in'; access: AdminAccess } | { outcome: 'refused' } | { outcome: 'not-allowed' };

interface Account {
  user: AdminUser;
  passwordHash: string;
  /** Active and not locked. */
  usable: boolean;
}

async function findAccount(pool: DatabasePool, username: string): Promise<Account | undefined> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT user_id, username, firstname, lastname, password, is_active, COALESCE(lock_expires > NOW(), 0) AS locked
       FROM admin_user WHERE username = ?`,
    [username],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    user: {
      userId: Number(row.user_id),
      username: String(row.username),
      firstName: row.firstname === null ? '' : String(row.firstname),
      lastName: row.lastname === null ? '' : String(row.lastname),
    },
    passwordHash: String(row.password),
    usable: Number(row.is_active) === 1 && Number(row.locked) !== 1,
  };
}

async function accessOf(pool: DatabasePool, user: AdminUser): Promise<SignInResult> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>(
    `SELECT DISTINCT rule.resource_id FROM authorization_role user_role
       JOIN authorization_role group_role ON group_role.role_id = user_role.parent_id AND group_role.role_type = 'G'
       JOIN authorization_rule rule ON rule.role_id = group_role.role_id
      WHERE user_role.role_type = 'U' AND user_role.user_id = ? AND user_role.user_type = ?
        AND rule.resource_id IN (?) AND rule.permission = 'allow'`,
    [user.userId, ADMIN_USER_TYPE, GRANTABLE_IDS],
  );
  const resources = grantsFromIds(rows.map((row) => String(row.resource_id)));
  return resources.size > 0 ? { outcome: 'signed-in', access: { user, resources } } : { outcome: 'not-allowed' };
}

/**
 * Checks a Magento admin's username and password. A wrong password, an unknown user, an inactive
 * account and a locked one all give the same 'refused'; 'not-allowed' only once the password is right.
 */
export async function signInAdmin(pool: DatabasePool, username: string, password: string): Promise<SignInResult> {
  const account = await findAccount(pool, username);
  const passwordMatches = await verifyMagentoPassword(password, account?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!account || !passwordMatches || !account.usable) return { outcome: 'refused' };
  return accessOf(pool, account.user);
}

/** An admin Magento vouched for with a signed link: no password, but the account must still be usable. */
export async function signInVouchedAdmin(pool: DatabasePool, username: string): Promise<SignInResult> {
  const account = await findAccount(pool, username);
  if (!account?.usable) return { outcome: 'refused' };
  return accessOf(pool, account.user);
}

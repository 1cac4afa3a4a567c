// Magento admin accounts for tests and the demo, written the way Magento 2.4.8 writes them: the
// admin_user row with an Argon2id13 password hash, the user's role under a group role, and the
// group role's ACL rules. Without aclResources the user joins the installed Administrators role.
import type mysql from 'mysql2/promise';
import { hashMagentoPassword } from '../sidecar/http/auth/magento-password.js';

export interface AdminAccount {
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  email: string;
  /** ACL resources the user's own group role allows; an empty list allows nothing. */
  aclResources?: string[];
}

/** UserContextInterface::USER_TYPE_ADMIN. */
const ADMIN_USER_TYPE = '2';

async function administratorsRoleId(pool: mysql.Pool): Promise<number> {
  const [rows] = await pool.query<mysql.RowDataPacket[]>("SELECT role_id FROM authorization_role WHERE role_type = 'G' AND role_name = 'Administrators' ORDER BY role_id LIMIT 1");
  if (!rows[0]) throw new Error('The Administrators role is missing: load sample-store/schema/magento-install.sql first.');
  return Number(rows[0].role_id);
}

async function groupRoleWith(pool: mysql.Pool, name: string, resources: string[]): Promise<number> {
  const [role] = await pool.query<mysql.ResultSetHeader>(
    "INSERT INTO authorization_role (parent_id, tree_level, sort_order, role_type, user_id, user_type, role_name) VALUES (0, 1, 0, 'G', 0, ?, ?)",
    [ADMIN_USER_TYPE, name],
  );
  for (const resource of resources) {
    await pool.query("INSERT INTO authorization_rule (role_id, resource_id, privileges, permission) VALUES (?, ?, NULL, 'allow')", [role.insertId, resource]);
  }
  return role.insertId;
}

/** Creates the account; returns its admin_user id. */
export async function createAdminUser(pool: mysql.Pool, account: AdminAccount): Promise<number> {
  const [user] = await pool.query<mysql.ResultSetHeader>(
    'INSERT INTO admin_user (firstname, lastname, email, username, password, is_active) VALUES (?, ?, ?, ?, ?, 1)',
    [account.firstName, account.lastName, account.email, account.username, await hashMagentoPassword(account.password)],
  );
  // Role names are varchar(50).
  const groupRoleId = account.aclResources ? await groupRoleWith(pool, `${account.username} access`.slice(0, 50), account.aclResources) : await administratorsRoleId(pool);
  await pool.query(
    "INSERT INTO authorization_role (parent_id, tree_level, sort_order, role_type, user_id, user_type, role_name) VALUES (?, 2, 0, 'U', ?, ?, ?)",
    [groupRoleId, user.insertId, ADMIN_USER_TYPE, account.username],
  );
  return user.insertId;
}

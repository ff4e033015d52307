import type { Role, SessionTokens } from '@butie/contracts';
import type { TestApp } from '../test-app.js';
import { TEST_PASSWORD } from '../test-env.js';

export type Caller = Role | 'anonymous';

export interface DemoAccount {
  id: string;
  username: string;
  role: Role;
}

interface AccountState {
  password_hash: string;
  status: string;
  must_change_password: boolean;
}

/**
 * One signed-in demo account per role. Fuzzed requests may end a session (logout, a change of
 * password, a disabled account, a refresh token used twice) or lock an account; the fuzzer must
 * keep going through all of that, so a role whose token stopped working is signed in again, and
 * an account that can no longer sign in is first put back as it was through the database.
 */
export class RoleSessions {
  private readonly tokens = new Map<Role, SessionTokens>();
  private readonly original = new Map<string, AccountState>();

  private constructor(
    private readonly t: TestApp,
    readonly accounts: ReadonlyMap<Role, DemoAccount>,
  ) {}

  /** The first active account of each role in the demo data. */
  static async open(t: TestApp): Promise<RoleSessions> {
    const rows = await t.db.query<DemoAccount[]>(
      `SELECT DISTINCT ON (role) id, username, role FROM users WHERE status = 'ACTIVE' AND NOT must_change_password ORDER BY role, username`,
    );
    const sessions = new RoleSessions(t, new Map(rows.map((row) => [row.role, row])));
    const states = await t.db.query<(AccountState & { id: string })[]>(`SELECT id, password_hash, status, must_change_password FROM users WHERE id = ANY($1)`, [
      rows.map((r) => r.id),
    ]);
    for (const { id, ...state } of states) sessions.original.set(id, state);
    return sessions;
  }

  /** An Authorization header for the caller (none for anonymous), signing in when needed. */
  async headers(caller: Caller): Promise<Record<string, string>> {
    if (caller === 'anonymous') return {};
    let tokens = this.tokens.get(caller);
    if (!tokens) {
      tokens = await this.signIn(caller);
      this.tokens.set(caller, tokens);
    }
    return { Authorization: `Bearer ${tokens.accessToken}` };
  }

  /**
   * Reacts to what an answer says about the caller's session: a 401 means the token stopped
   * working; 403 PASSWORD_CHANGE_REQUIRED means an administrator reset the password.
   */
  async observe(caller: Caller, status: number, code: unknown): Promise<void> {
    if (caller === 'anonymous') return;
    if (status === 401) this.tokens.delete(caller);
    if (status === 403 && code === 'PASSWORD_CHANGE_REQUIRED') {
      this.tokens.delete(caller);
      await this.restore(this.account(caller));
    }
  }

  /** The refresh tokens of the sessions held now (a fuzzed refresh may rotate or reuse them). */
  refreshTokens(): string[] {
    return [...this.tokens.values()].map((tokens) => tokens.refreshToken);
  }

  private account(role: Role): DemoAccount {
    const account = this.accounts.get(role);
    if (!account) throw new Error(`the demo data has no active ${role} account to fuzz with`);
    return account;
  }

  private async signIn(role: Role): Promise<SessionTokens> {
    const account = this.account(role);
    let answer = '';
    const attempt = async () => {
      const response = await this.t.http().post('/api/v1/auth/login').send({ username: account.username, password: TEST_PASSWORD });
      const body = response.body as Partial<SessionTokens>;
      answer = `${response.status} ${response.text}`;
      return response.status === 200 && body.accessToken && !body.user?.mustChangePassword ? (body as SessionTokens) : null;
    };
    const tokens = (await attempt()) ?? (await this.restore(account).then(attempt));
    if (!tokens) throw new Error(`${account.username} cannot sign in even after its account was restored: ${answer}`);
    return tokens;
  }

  /** Puts back what fuzzing may have changed that stops a sign-in: password, status, lock. */
  private async restore(account: DemoAccount): Promise<void> {
    const state = this.original.get(account.id)!;
    await this.t.db.query(`UPDATE users SET password_hash = $2, status = $3, must_change_password = $4 WHERE id = $1`, [
      account.id,
      state.password_hash,
      state.status,
      state.must_change_password,
    ]);
    await this.t.db.query(`DELETE FROM login_failures WHERE username_key = lower($1)`, [account.username]);
  }
}

/** PII masks for places that do not need the full value (lists, public pages, messages). */

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return null;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明 (the public notice form of domain §6). */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return null;
  const chars = [...name];
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return null;
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** 6214830012345678 → 621483********78: the first six and last two digits (a bank account, domain §5.4). */
export function maskBankAccount(account: string | null | undefined): string | null {
  if (!account) return null;
  if (account.length <= 8) return '*'.repeat(account.length);
  return `${account.slice(0, 6)}${'*'.repeat(account.length - 8)}${account.slice(-2)}`;
}

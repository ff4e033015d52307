/**
 * A browser's User-Agent header told as a person reads it, e.g. 「Chrome 131 · Windows 10」, for
 * the sign-in log and its export. Pure and table-driven: no parser dependency in the SPA bundle.
 * Only what the header reliably says is shown (macOS and Windows 11 hide their versions).
 */
export interface UserAgentSummary {
  /** Browser (or program) with its major version, e.g. 「Chrome 131」, 「微信 8.0」, 「curl 8.5」. */
  client: string;
  /** Operating system, e.g. 「Windows 10」, 「iOS 17.5」, 「鸿蒙 5.0」; null when the header does not say. */
  system: string | null;
  /** A program calling the API, not a person's browser. */
  program: boolean;
  /** What to show: 「Chrome 131 · Windows 10」, 「curl 8.5（程序调用）」. */
  label: string;
}

interface Rule {
  name: string;
  pattern: RegExp;
  /** Version parts to keep: 1 → 「131」, 2 → 「8.0」. */
  parts?: number;
}

// In-app browsers and Chinese browsers first: their headers also name Chrome or Safari.
const BROWSERS: Rule[] = [
  { name: '企业微信', pattern: /wxwork\/([\d.]+)/i, parts: 2 },
  { name: '微信', pattern: /MicroMessenger\/([\d.]+)/i, parts: 2 },
  { name: '钉钉', pattern: /DingTalk\/([\d.]+)/i, parts: 2 },
  { name: '支付宝', pattern: /AlipayClient\/([\d.]+)/i, parts: 2 },
  { name: 'QQ 浏览器', pattern: /M?QQBrowser\/([\d.]+)/i },
  { name: 'QQ', pattern: /\bQQ\/([\d.]+)/, parts: 2 },
  { name: 'UC 浏览器', pattern: /UC ?Browser\/([\d.]+)/i },
  { name: '夸克浏览器', pattern: /Quark\/([\d.]+)/i },
  { name: '百度 App', pattern: /baiduboxapp\/([\d.]+)/i },
  { name: '搜狗浏览器', pattern: /SogouMobileBrowser\/([\d.]+)|MetaSr()/ },
  { name: '360 浏览器', pattern: /(?:360SE|360EE|QihooBrowser|QHBrowser)(?:\/([\d.]+))?/ },
  { name: '华为浏览器', pattern: /HuaweiBrowser\/([\d.]+)/i },
  { name: '小米浏览器', pattern: /MiuiBrowser\/([\d.]+)/i },
  { name: 'vivo 浏览器', pattern: /VivoBrowser\/([\d.]+)/i },
  { name: 'OPPO 浏览器', pattern: /HeyTapBrowser\/([\d.]+)/i },
  { name: '三星浏览器', pattern: /SamsungBrowser\/([\d.]+)/ },
  { name: 'Edge', pattern: /\bEdg(?:e|A|iOS)?\/([\d.]+)/ },
  { name: 'Opera', pattern: /\b(?:OPR|OPiOS)\/([\d.]+)/ },
  { name: 'Firefox', pattern: /\b(?:Firefox|FxiOS)\/([\d.]+)/ },
  { name: 'Chrome', pattern: /(?:\b|Headless)(?:Chrome|CriOS)\/([\d.]+)/ },
  { name: 'Safari', pattern: /Version\/([\d.]+)(?: Mobile\/\w+)? Safari\//, parts: 2 },
  { name: 'IE', pattern: /MSIE ([\d.]+)|Trident\/.*rv:([\d.]+)/ },
];

/** Programs rather than browsers (scripts, integrations, test tools). */
const PROGRAMS: Rule[] = [
  { name: 'curl', pattern: /^curl\/([\d.]+)/i, parts: 2 },
  { name: 'Wget', pattern: /^Wget\/([\d.]+)/i, parts: 2 },
  { name: 'Postman', pattern: /PostmanRuntime\/([\d.]+)/i },
  { name: 'Python', pattern: /python-(?:requests|urllib|httpx)[/\w]*?\/([\d.]+)|^python/i, parts: 2 },
  { name: 'Java', pattern: /^(?:Java|Apache-HttpClient|okhttp)\/([\d.]+)/i },
  { name: 'Go', pattern: /^Go-http-client\/([\d.]+)/i },
  { name: 'Node.js', pattern: /^(?:node-fetch|undici|axios|node-superagent|node)(?:\/([\d.]+))?/i },
];

const WINDOWS_VERSIONS: Record<string, string> = {
  '10.0': '10',
  '6.3': '8.1',
  '6.2': '8',
  '6.1': '7',
  '6.0': 'Vista',
  '5.2': 'XP',
  '5.1': 'XP',
};

/** Systems, the most specific first (Android headers also say Linux; iPad headers say Mac OS X). */
const SYSTEMS: { pattern: RegExp; name: (version: string | undefined) => string }[] = [
  { pattern: /OpenHarmony ([\d.]+)|HarmonyOS(?:[ /]([\d.]+))?/, name: (v) => withVersion('鸿蒙', v, 2) },
  { pattern: /Windows NT ([\d.]+)/, name: (v) => (v && WINDOWS_VERSIONS[v] ? `Windows ${WINDOWS_VERSIONS[v]}` : 'Windows') },
  { pattern: /Windows/, name: () => 'Windows' },
  { pattern: /iPad.*? OS ([\d_]+)/, name: (v) => withVersion('iPadOS', v, 2) },
  { pattern: /(?:iPhone|iPod).*? OS ([\d_]+)/, name: (v) => withVersion('iOS', v, 2) },
  { pattern: /Android(?: ([\d.]+))?/, name: (v) => withVersion('Android', v, 1) },
  { pattern: /CrOS/, name: () => 'ChromeOS' },
  { pattern: /Macintosh|Mac OS X/, name: () => 'macOS' },
  { pattern: /\bUOS\b|UnionTech/i, name: () => '统信 UOS' },
  { pattern: /Kylin/i, name: () => '麒麟' },
  { pattern: /Linux|X11/, name: () => 'Linux' },
];

function withVersion(name: string, version: string | undefined, parts: number): string {
  if (!version) return name;
  const kept = version.split(/[._]/).slice(0, parts).join('.');
  return kept ? `${name} ${kept}` : name;
}

function match(rules: Rule[], header: string): string | null {
  for (const rule of rules) {
    const found = rule.pattern.exec(header);
    if (found) return withVersion(rule.name, found.slice(1).find(Boolean), rule.parts ?? 1);
  }
  return null;
}

function systemOf(header: string): string | null {
  for (const system of SYSTEMS) {
    const found = system.pattern.exec(header);
    if (found) return system.name(found.slice(1).find(Boolean));
  }
  return null;
}

export const UNKNOWN_CLIENT = '未知浏览器';

/** null for a missing header; otherwise always a summary (「未知浏览器」 when nothing is recognised). */
export function describeUserAgent(header: string | null | undefined): UserAgentSummary | null {
  const text = header?.trim();
  if (!text) return null;
  const program = /^Mozilla\//.test(text) ? null : match(PROGRAMS, text);
  if (program) return { client: program, system: null, program: true, label: `${program}（程序调用）` };
  const client = match(BROWSERS, text) ?? UNKNOWN_CLIENT;
  const system = systemOf(text);
  return { client, system, program: false, label: system ? `${client} · ${system}` : client };
}

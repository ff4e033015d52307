import { describeUserAgent, UNKNOWN_CLIENT } from './user-agent.js';

describe('describeUserAgent', () => {
  it.each([
    // Desktop browsers
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131 · Windows 10'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86', 'Edge 131 · Windows 10'],
    ['Mozilla/5.0 (Windows NT 6.1; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0', 'Firefox 115 · Windows 7'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari 17.5 · macOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 OPR/114.0.0.0', 'Opera 114 · Windows 10'],
    ['Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko', 'IE 11 · Windows 7'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.6778.33 Safari/537.36', 'Chrome 131 · Linux'],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131 · ChromeOS'],
    ['Mozilla/5.0 (X11; Linux x86_64; UOS) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36', 'Chrome 108 · 统信 UOS'],
    // Chinese desktop browsers name Chrome too
    ['Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36 QIHU 360SE', '360 浏览器 · Windows 10'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.71 Safari/537.36 Core/1.94.197.400 QQBrowser/11.7.5287.400', 'QQ 浏览器 11 · Windows 10'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0.4240.198 Safari/537.36 SE 2.X MetaSr 1.0', '搜狗浏览器 · Windows 10'],
    // Phones
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari 17.5 · iOS 17.5'],
    ['Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1', 'Chrome 131 · iPadOS 16.6'],
    ['Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36', 'Chrome 131 · Android 14'],
    [
      'Mozilla/5.0 (Linux; Android 13; V2203A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
      '微信 8.0 · Android 13',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.46(0x18002e2c) NetType/WIFI Language/zh_CN',
      '微信 8.0 · iOS 17.2',
    ],
    [
      'Mozilla/5.0 (Phone; OpenHarmony 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/114.0.0.0 Safari/537.36 ArkWeb/4.1.6.1 Mobile HuaweiBrowser/5.0.4.300',
      '华为浏览器 5 · 鸿蒙 5.0',
    ],
    ['Mozilla/5.0 (Linux; Android 10; SM-G973F) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', '三星浏览器 26 · Android 10'],
    ['Mozilla/5.0 (Linux; U; Android 12; zh-CN; M2012K11AC) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/100.0.4896.58 UCBrowser/16.5.8.1311 Mobile Safari/537.36', 'UC 浏览器 16 · Android 12'],
  ])('%s', (header, label) => {
    expect(describeUserAgent(header)?.label).toBe(label);
  });

  it('tells programs from browsers', () => {
    expect(describeUserAgent('curl/8.5.0')).toEqual({ client: 'curl 8.5', system: null, program: true, label: 'curl 8.5（程序调用）' });
    expect(describeUserAgent('python-requests/2.31.0')?.label).toBe('Python 2.31（程序调用）');
    expect(describeUserAgent('okhttp/4.12.0')?.label).toBe('Java 4（程序调用）');
    expect(describeUserAgent('PostmanRuntime/7.39.0')?.label).toBe('Postman 7（程序调用）');
  });

  it('gives separate browser and system for the export columns', () => {
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36')).toEqual({
      client: 'Chrome 131',
      system: 'Windows 10',
      program: false,
      label: 'Chrome 131 · Windows 10',
    });
  });

  it('says what it does not recognise rather than guessing', () => {
    expect(describeUserAgent('Mozilla/5.0 (compatible; SomethingNew/1.0)')).toEqual({ client: UNKNOWN_CLIENT, system: null, program: false, label: UNKNOWN_CLIENT });
    expect(describeUserAgent('Mozilla/5.0 (Windows NT 10.0) SomethingNew/1.0')?.label).toBe(`${UNKNOWN_CLIENT} · Windows 10`);
    expect(describeUserAgent('audit-spec/1.0')?.label).toBe(UNKNOWN_CLIENT);
  });

  it('gives null for no header', () => {
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent(undefined)).toBeNull();
    expect(describeUserAgent('  ')).toBeNull();
  });

  it('stays fast on a long hostile header (no backtracking blow-up)', () => {
    const started = Date.now();
    describeUserAgent(`Mozilla/5.0 ${'iPad OS 1_'.repeat(50)}${'a'.repeat(400)}`);
    describeUserAgent(`python-${'a/'.repeat(250)}`);
    expect(Date.now() - started).toBeLessThan(50);
  });
});

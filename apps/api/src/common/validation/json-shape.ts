/** How deep and how big a JSON body may be. Our forms are shallow; a batch holds at most 500 ids. */
export const JSON_LIMITS = { maxDepth: 20, maxValues: 10_000 } as const;

/**
 * Why a JSON text is too deep or too big to be worth parsing, or null. One pass over the text,
 * before JSON.parse and before class-transformer, whose recursion a deeply nested body blocked
 * the process with (1 MB of brackets: 2 s and a 500).
 */
export function jsonShapeProblem(text: string, limits: { maxDepth: number; maxValues: number } = JSON_LIMITS): string | null {
  let depth = 0;
  let values = 1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) return `请求内容嵌套超过 ${limits.maxDepth} 层`;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x2c) {
      if (++values > limits.maxValues) return `请求内容超过 ${limits.maxValues} 项`;
    }
  }
  return null;
}

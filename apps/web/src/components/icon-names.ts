import { useEffect } from 'react';

/**
 * Chinese names for the icons that are the only content of a control antd renders itself (the
 * pagination arrows, a clear button…), used when the control has no name of its own.
 */
const ICON_NAMES: Record<string, string> = {
  left: '上一页',
  right: '下一页',
  'double-left': '向前 5 页',
  'double-right': '向后 5 页',
  close: '关闭',
  'close-circle': '清除',
  copy: '复制',
  check: '已复制',
  calendar: '选择日期',
  search: '搜索',
  // antd shows the open eye while the password is visible: clicking it hides the password.
  eye: '隐藏密码',
  'eye-invisible': '显示密码',
  down: '展开',
  up: '收起',
  ellipsis: '更多',
  menu: '菜单',
};

const CONTROL = 'button, a[href], [role="button"], [role="link"], [role="menuitem"], [role="tab"], [role="option"], [role="switch"], [role="checkbox"]';

/** A name from its attributes or its words (an icon's svg has no text of its own). */
function hasOwnName(control: Element): boolean {
  return !!(control.getAttribute('aria-label') || control.getAttribute('aria-labelledby') || control.getAttribute('title') || control.textContent?.trim());
}

/**
 * antd's icons announce their English file names to screen readers (「down」, 「close-circle」,
 * 「left」), also the icons antd puts inside its own components, which no prop reaches. An icon
 * beside words, or on its own as decoration, is hidden; an icon that is all a control has is
 * named in Chinese (from the control's surrounding title, else the table above).
 */
function nameOrHide(icon: Element): void {
  const control = icon.closest(CONTROL);
  if (!control || hasOwnName(control)) {
    icon.setAttribute('aria-hidden', 'true');
    return;
  }
  const englishName = icon.getAttribute('aria-label') ?? '';
  const name = control.closest('[title]')?.getAttribute('title') || ICON_NAMES[englishName];
  if (name) icon.setAttribute('aria-label', name);
  else icon.setAttribute('aria-hidden', 'true');
}

const UNTREATED = '.anticon[role="img"]:not([aria-hidden]):not([data-icon-named])';

function treat(root: ParentNode): void {
  for (const icon of root.querySelectorAll(UNTREATED)) {
    nameOrHide(icon);
    icon.setAttribute('data-icon-named', '');
  }
}

/** Keeps every icon under `document.body` named in Chinese or hidden, as pages and popups render. */
export function useChineseIconNames(): void {
  useEffect(() => {
    treat(document.body);
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          if (node.matches(UNTREATED)) {
            nameOrHide(node);
            node.setAttribute('data-icon-named', '');
          }
          treat(node);
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
}

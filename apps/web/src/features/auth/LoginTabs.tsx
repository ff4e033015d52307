import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

interface Props<K extends string> {
  /** What the tabs choose, for screen readers (「登录入口」). */
  label: string;
  /** Prefix of the tab and panel ids, unique on the page. */
  idPrefix: string;
  tabs: readonly { key: K; label: string }[];
  active: K;
  onChange: (key: K) => void;
  /** `line`: underlined like antd's Tabs; `segmented`: like antd's Segmented. */
  look: 'line' | 'segmented';
  children: (key: K) => ReactNode;
}

/**
 * WAI-ARIA tabs (arrow keys, Home, End) for the login page's entries and sign-in modes. Hand-made
 * rather than antd's Tabs, which brings its overflow menu and dropdown (about 30 kB gzip) to the
 * first page and reads an English 「Tab 1 of 3」 to screen readers.
 */
export function LoginTabs<K extends string>({ label, idPrefix, tabs, active, onChange, look, children }: Props<K>) {
  // A panel once opened stays mounted, so that switching back keeps what was typed.
  const [opened, setOpened] = useState<ReadonlySet<K>>(() => new Set([active]));
  const buttons = useRef(new Map<K, HTMLButtonElement>());
  const tabId = (key: K) => `${idPrefix}-tab-${key}`;
  const panelId = (key: K) => `${idPrefix}-panel-${key}`;

  const select = (key: K) => {
    setOpened((current) => (current.has(key) ? current : new Set([...current, key])));
    onChange(key);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.key === active);
    const last = tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(tabs[next].key);
    buttons.current.get(tabs[next].key)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={label} className={`login-tabs login-tabs-${look}`} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            ref={(element) => {
              if (element) buttons.current.set(tab.key, element);
              else buttons.current.delete(tab.key);
            }}
            type="button"
            role="tab"
            id={tabId(tab.key)}
            aria-selected={tab.key === active}
            // Only a mounted panel may be named, or the reference points at nothing.
            aria-controls={opened.has(tab.key) ? panelId(tab.key) : undefined}
            tabIndex={tab.key === active ? 0 : -1}
            className="login-tab"
            onClick={() => select(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs
        .filter((tab) => opened.has(tab.key))
        .map((tab) => (
          <div key={tab.key} role="tabpanel" id={panelId(tab.key)} aria-labelledby={tabId(tab.key)} hidden={tab.key !== active}>
            {children(tab.key)}
          </div>
        ))}
    </>
  );
}

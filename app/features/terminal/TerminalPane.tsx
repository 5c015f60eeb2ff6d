import { useEffect, useRef, useState } from 'react';
import { Pane } from '../../components/Pane.tsx';
import { useLab } from '../../lab/context.ts';
import { useApp } from '../../state/store.ts';

/** TerminalPane: one tab per shell session, the active tab's xterm, and its context menu. */
export function TerminalPane() {
  const { lab } = useLab();
  const tabs = useApp((s) => s.tabs);
  const active = useApp((s) => s.activeTab);
  const hosts = useApp((s) => s.hosts);
  const theme = useApp((s) => s.prefs.theme);
  const screenReader = useApp((s) => s.prefs.screenReader);
  const boot = useApp((s) => s.boot);
  const body = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [hostMenu, setHostMenu] = useState(false);

  useEffect(() => {
    const tab = lab.tabs.get(active);
    const el = body.current;
    if (!tab || !el) return;
    for (const child of [...el.children]) if (child !== tab.element) child.remove();
    tab.mount(el);
    tab.focus();
    const ro = new ResizeObserver(() => tab.fit());
    ro.observe(el);
    return () => ro.disconnect();
  }, [active, lab, tabs.length]);

  useEffect(() => {
    for (const t of lab.tabs.values()) {
      t.setTheme(theme);
      t.setScreenReader(screenReader);
    }
  }, [theme, screenReader, lab, tabs.length]);

  const tab = lab.tabs.get(active);
  const copy = () => {
    const sel = tab?.term.getSelection();
    if (sel) void navigator.clipboard?.writeText(sel).catch(() => undefined);
  };
  const paste = () => void navigator.clipboard?.readText().then((t) => t && tab?.term.paste(t)).catch(() => undefined);

  return (
    <Pane id="terminal" label="Terminal">
      <div className="tabbar" role="tablist" aria-label="Terminal sessions">
        {tabs.map((t) => (
          <div key={t.id} className={`tab-wrap ${t.id === active ? 'active' : ''}`}>
            <button type="button" role="tab" className="tab" aria-selected={t.id === active} data-testid={`terminal-tab-${t.id}`} onClick={() => useApp.setState({ activeTab: t.id })}>
              {t.title}
              {t.ended ? ' (exited)' : ''}
            </button>
            <button type="button" className="tab-close" aria-label={`Close ${t.title}`} title="Close (Alt+Shift+W)" onClick={() => void lab.closeTab(t.id)}>
              ×
            </button>
          </div>
        ))}
        <button type="button" className="tab-add" aria-label="New terminal" title="New terminal (Alt+Shift+T)" onClick={() => void lab.newTab()}>
          +
        </button>
        <div className="menu-anchor">
          <button type="button" className="tab-add" aria-haspopup="menu" aria-expanded={hostMenu} aria-label="New terminal on a host" onClick={() => setHostMenu(!hostMenu)}>
            ▾
          </button>
          {hostMenu && (
            <div className="menu" role="menu" onKeyDown={(e) => e.key === 'Escape' && setHostMenu(false)}>
              {hosts.map((h) => (
                <button
                  key={h}
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  autoFocus={h === hosts[0]}
                  onClick={() => {
                    setHostMenu(false);
                    void lab.newTab(h);
                  }}
                >
                  New terminal on {h}
                </button>
              ))}
            </div>
          )}
        </div>
      </div>
      <div
        className="terminal-body"
        data-testid="terminal"
        onContextMenu={(e) => {
          e.preventDefault();
          setMenu({ x: e.clientX, y: e.clientY });
        }}
      >
        <div ref={body} className="xterm-slot" />
        {boot.status === 'booting' && <div className="booting">Starting the lab…</div>}
        {boot.status === 'error' && <div className="booting error">The lab could not start: {boot.message}</div>}
      </div>
      {menu && (
        <div className="menu context-menu" role="menu" style={{ left: menu.x, top: menu.y }} onKeyDown={(e) => e.key === 'Escape' && setMenu(null)} onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setMenu(null)}>
          {[
            { label: 'Copy', run: copy, disabled: !tab?.term.hasSelection() },
            { label: 'Paste', run: paste },
            { label: 'Select all', run: () => tab?.term.selectAll() },
            { label: 'Clear scrollback', run: () => tab?.term.clear() },
          ].map((m, i) => (
            <button
              key={m.label}
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={m.disabled}
              autoFocus={i === (tab?.term.hasSelection() ? 0 : 1)}
              onClick={() => {
                setMenu(null);
                m.run();
                tab?.focus();
              }}
            >
              {m.label}
            </button>
          ))}
        </div>
      )}
    </Pane>
  );
}

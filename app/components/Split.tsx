import { Fragment, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { setLayout, useApp } from '../state/store.ts';

/** SplitItem is one resizable part of a Split; its share is stored in the preferences under `key`. */
export interface SplitItem {
  key: string;
  label: string;
  node: ReactNode;
  /** min is the smallest size in pixels */
  min?: number;
}

/**
 * Split lays items out in a row or a column with a draggable separator
 * between each pair. Separators are focusable and move with the arrow keys
 * (2% a press, Home/End to the limits), so resizing needs no mouse.
 */
export function Split({ dir, items }: { dir: 'row' | 'column'; items: SplitItem[] }) {
  const layout = useApp((s) => s.prefs.layout);
  const ref = useRef<HTMLDivElement>(null);
  const shares = items.map((i) => layout[i.key] ?? 100 / items.length);
  const total = shares.reduce((a, b) => a + b, 0);

  const resize = (i: number, deltaShare: number) => {
    const a = items[i]!;
    const b = items[i + 1]!;
    const pair = shares[i]! + shares[i + 1]!;
    const box = ref.current?.getBoundingClientRect();
    const px = box ? (dir === 'row' ? box.width : box.height) : 1000;
    const minA = ((a.min ?? 120) / px) * total;
    const minB = ((b.min ?? 120) / px) * total;
    const next = Math.min(pair - minB, Math.max(minA, shares[i]! + deltaShare));
    setLayout(a.key, next);
    setLayout(b.key, pair - next);
  };

  const onPointerDown = (i: number) => (e: PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const box = ref.current!.getBoundingClientRect();
    const px = dir === 'row' ? box.width : box.height;
    let last = dir === 'row' ? e.clientX : e.clientY;
    const move = (ev: globalThis.PointerEvent) => {
      const pos = dir === 'row' ? ev.clientX : ev.clientY;
      resize(i, ((pos - last) / px) * total);
      last = pos;
    };
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
      window.dispatchEvent(new Event('resize'));
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  const onKeyDown = (i: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    const back = dir === 'row' ? 'ArrowLeft' : 'ArrowUp';
    const fwd = dir === 'row' ? 'ArrowRight' : 'ArrowDown';
    const step = (total * 2) / 100;
    if (e.key === back) resize(i, -step);
    else if (e.key === fwd) resize(i, step);
    else if (e.key === 'Home') resize(i, -total);
    else if (e.key === 'End') resize(i, total);
    else return;
    e.preventDefault();
    window.dispatchEvent(new Event('resize'));
  };

  return (
    <div ref={ref} className={`split split-${dir}`}>
      {items.map((item, i) => (
        <Fragment key={item.key}>
          <div className="split-item" style={{ flex: `${shares[i]} 1 0px`, [dir === 'row' ? 'minWidth' : 'minHeight']: item.min ?? 120 }}>
            {item.node}
          </div>
          {i < items.length - 1 && (
            <div
              className="gutter"
              role="separator"
              tabIndex={0}
              aria-orientation={dir === 'row' ? 'vertical' : 'horizontal'}
              aria-label={`Resize ${item.label} and ${items[i + 1]!.label}`}
              aria-valuenow={Math.round((shares[i]! / total) * 100)}
              aria-valuemin={0}
              aria-valuemax={100}
              onPointerDown={onPointerDown(i)}
              onKeyDown={onKeyDown(i)}
            />
          )}
        </Fragment>
      ))}
    </div>
  );
}

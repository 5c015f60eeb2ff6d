import { Dialog } from '../components/Dialog.tsx';
import { useApp } from '../state/store.ts';
import { requestTakeover } from './tab-lock.ts';

const noop = () => {};

/**
 * TabConflict is the page's answer when the lab runs in another tab: either
 * it did from the start ('busy'), or another tab took it over ('moved').
 * Either way this tab neither runs nor saves the lab; "Use it here" reloads
 * it as the lab's owner.
 */
export function TabConflict() {
  const conflict = useApp((s) => s.tabConflict);
  if (!conflict) return null;
  const takeOver = () => requestTakeover(sessionStorage, () => location.reload());
  return (
    <Dialog
      title={conflict === 'busy' ? 'kubelab is open in another tab' : 'The lab moved to another tab'}
      onClose={noop}
      actions={
        <button type="button" className="btn btn-primary" onClick={takeOver} autoFocus>
          Use it here
        </button>
      }
    >
      <p>
        {conflict === 'busy'
          ? 'Your lab is running in another tab of this browser. One tab at a time runs it, so that neither overwrites what the other saved.'
          : 'Another tab took this lab over. This tab stopped saving, so nothing you type here is kept.'}
      </p>
      <p>Use it here to continue in this tab from the last save; the other tab then stops.</p>
    </Dialog>
  );
}

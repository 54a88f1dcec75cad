import { Button, Text } from '@mantine/core';
import { useWindowEvent } from '@mantine/hooks';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  resumeUnsavedChangesGuards,
  suspendUnsavedChangesGuards,
  unsavedChangesGuardsSuspended,
} from '../../lib/leave-guard';
import { AlertDialog } from './alert-dialog';

/** What the leave dialog says and does for one form; the defaults fit any form. */
export interface UnsavedChangesOptions {
  title?: string;
  /** A function is read when the question is asked, e.g. whether a draft has saved by then. */
  message?: string | (() => string);
  stayLabel?: string;
  leaveLabel?: string;
  /** Leaving loses the input (default); a draft that saves on the way out is not shown as a loss. */
  leaveLoses?: boolean;
  /** Runs before the navigation goes on, e.g. saving what a draft can keep. */
  onLeave?: () => Promise<void> | void;
  /** Whether closing the tab should ask too (default: whenever the form is dirty). */
  beforeUnload?: () => boolean;
}

interface Guard {
  dirty: boolean;
  /** Saved (or discarded on purpose): the next navigation is not held up, until the form is edited again. */
  released: boolean;
  options: UnsavedChangesOptions;
}

interface Registry {
  register: (id: string, guard: RefObject<Guard>) => void;
  unregister: (id: string) => void;
  /** Asks as a navigation would (when some form holds unsaved input); resolves whether to go on. */
  confirmLeave: () => Promise<boolean>;
}

const RegistryContext = createContext<Registry | null>(null);

/** Asks "discard your changes?" and tells the answer. */
type AskDiscard = (resolve: (discard: boolean) => void) => void;
const DiscardContext = createContext<AskDiscard | null>(null);

/** The dirty state of the forms inside one dialog, so the dialog can ask before it closes. */
interface DialogScope {
  report: (id: string, dirty: boolean) => void;
}
const DialogScopeContext = createContext<DialogScope | null>(null);

export { suspendUnsavedChangesGuards };

const isHolding = (guard: Guard) => guard.dirty && !guard.released;

/** The guards holding navigation up, oldest first. */
const holdingGuards = (guards: Map<string, RefObject<Guard>>): Guard[] =>
  [...guards.values()].map((g) => g.current).filter(isHolding);

type Pending =
  | { kind: 'navigation'; options: UnsavedChangesOptions; resolve?: (leave: boolean) => void }
  | { kind: 'discard'; resolve: (discard: boolean) => void };

/** The question for the newest form holding input, its message read now. */
function leaveQuestion(guards: Map<string, RefObject<Guard>>): UnsavedChangesOptions {
  const [latest] = holdingGuards(guards).slice(-1);
  const options = latest?.options ?? {};
  const message = typeof options.message === 'function' ? options.message() : options.message;
  return { ...options, message };
}

/**
 * One navigation blocker for the signed-in app (React Router keeps only one at a time), asking for every form
 * registered through `useUnsavedChangesGuard`; and the one "discard your changes?" question for form dialogs.
 */
export function UnsavedChangesProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const guards = useRef(new Map<string, RefObject<Guard>>());
  const [pending, setPending] = useState<Pending | null>(null);
  const [leaving, setLeaving] = useState(false);

  useEffect(() => {
    resumeUnsavedChangesGuards();
    return resumeUnsavedChangesGuards;
  }, []);

  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      !unsavedChangesGuardsSuspended() &&
      currentLocation.pathname !== nextLocation.pathname &&
      holdingGuards(guards.current).length > 0,
    [],
  );
  const blocker = useBlocker(shouldBlock);
  const blocked = blocker.state === 'blocked';

  useEffect(() => {
    if (!blocked) return;
    setPending({ kind: 'navigation', options: leaveQuestion(guards.current) });
  }, [blocked]);

  const registry = useMemo<Registry>(
    () => ({
      register: (id, guard) => guards.current.set(id, guard),
      unregister: (id) => guards.current.delete(id),
      confirmLeave: () =>
        holdingGuards(guards.current).length === 0
          ? Promise.resolve(true)
          : new Promise<boolean>((resolve) =>
              setPending({ kind: 'navigation', options: leaveQuestion(guards.current), resolve }),
            ),
    }),
    [],
  );

  const askDiscard = useCallback<AskDiscard>((resolve) => setPending({ kind: 'discard', resolve }), []);

  const stay = () => {
    pending?.resolve?.(false);
    if (blocker.state === 'blocked') blocker.reset();
    setPending(null);
  };

  const leave = async () => {
    if (pending?.kind === 'discard') {
      pending.resolve(true);
      setPending(null);
      return;
    }
    setLeaving(true);
    try {
      await pending?.options.onLeave?.();
    } finally {
      setLeaving(false);
    }
    guards.current.forEach((g) => (g.current.released = true));
    setPending(null);
    pending?.resolve?.(true);
    if (blocker.state === 'blocked') blocker.proceed();
  };

  const options = pending?.kind === 'navigation' ? pending.options : {};
  const discard = pending?.kind === 'discard';

  return (
    <RegistryContext.Provider value={registry}>
      <DiscardContext.Provider value={askDiscard}>{children}</DiscardContext.Provider>
      <AlertDialog
        opened={pending !== null}
        testId="unsaved-changes-dialog"
        title={
          discard ? t('workspace.unsaved.discardTitle') : (options.title ?? t('workspace.unsaved.title'))
        }
        onEscape={stay}
        actions={
          <>
            <Button variant="default" onClick={stay} data-autofocus>
              {discard
                ? t('workspace.unsaved.keepEditing')
                : (options.stayLabel ?? t('workspace.unsaved.stay'))}
            </Button>
            <Button
              color={discard || options.leaveLoses !== false ? 'red' : undefined}
              loading={leaving}
              onClick={() => void leave()}
            >
              {discard
                ? t('workspace.unsaved.discard')
                : (options.leaveLabel ?? t('workspace.unsaved.leave'))}
            </Button>
          </>
        }
      >
        <Text>
          {discard
            ? t('workspace.unsaved.discardMessage')
            : ((typeof options.message === 'string' ? options.message : null) ??
              t('workspace.unsaved.message'))}
        </Text>
      </AlertDialog>
    </RegistryContext.Provider>
  );
}

/**
 * Guards a form with unsaved input: leaving for another page asks first (an accessible dialog; the browser's own
 * prompt when the tab closes or reloads), and a form dialog asks before it closes. Call `release()` once the input
 * is saved or discarded on purpose, before navigating away; editing again guards again.
 */
export function useUnsavedChangesGuard(
  dirty: boolean,
  options: UnsavedChangesOptions = {},
): { release: () => void } {
  const registry = useContext(RegistryContext);
  const scope = useContext(DialogScopeContext);
  const id = useId();
  const guard = useRef<Guard>({ dirty, released: false, options });
  guard.current.dirty = dirty;
  guard.current.options = options;
  // A form back to what it started from (saved and reset) starts over: the next edit guards again.
  if (!dirty) guard.current.released = false;

  useEffect(() => {
    registry?.register(id, guard);
    return () => registry?.unregister(id);
  }, [registry, id]);

  useEffect(() => {
    scope?.report(id, dirty);
  }, [scope, id, dirty]);
  useEffect(() => () => scope?.report(id, false), [scope, id]);

  useWindowEvent('beforeunload', (event) => {
    const g = guard.current;
    if (!unsavedChangesGuardsSuspended() && isHolding(g) && (g.options.beforeUnload?.() ?? true))
      event.preventDefault();
  });

  return useMemo(
    () => ({
      release: () => {
        guard.current.released = true;
        scope?.report(id, false);
      },
    }),
    [scope, id],
  );
}

/**
 * Before leaving by other means than a link (signing out): asks like a navigation would when a form holds unsaved
 * input; resolves whether to go on. Without the provider (a screen tested alone) there is nothing to ask.
 */
export function useConfirmLeave(): () => Promise<boolean> {
  const registry = useContext(RegistryContext);
  return registry?.confirmLeave ?? (() => Promise.resolve(true));
}

/**
 * For a dialog holding a form: `guardedClose(close)` closes at once when nothing was typed, and otherwise asks
 * whether to discard the input first. Wrap the dialog's content in `<Scope>` so its forms report to it.
 */
export function useDialogDiscardGuard(): {
  Scope: (props: { children: ReactNode }) => ReactNode;
  guardedClose: (close: () => void) => void;
} {
  const ask = useContext(DiscardContext);
  const dirtyForms = useRef(new Set<string>());
  const scope = useMemo<DialogScope>(
    () => ({
      report: (id, dirty) => {
        if (dirty) dirtyForms.current.add(id);
        else dirtyForms.current.delete(id);
      },
    }),
    [],
  );
  const Scope = useCallback(
    ({ children }: { children: ReactNode }) => (
      <DialogScopeContext.Provider value={scope}>{children}</DialogScopeContext.Provider>
    ),
    [scope],
  );
  const guardedClose = useCallback(
    (close: () => void) => {
      if (dirtyForms.current.size === 0 || !ask) {
        close();
        return;
      }
      ask((discard) => {
        if (!discard) return;
        dirtyForms.current.clear();
        close();
      });
    },
    [ask],
  );
  return { Scope, guardedClose };
}

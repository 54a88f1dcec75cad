import type { ReferralDetail, ReferralDraftInput } from '@pathways/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../../lib/api-client';
import { useCreateReferral, type CreateReferralBody } from '../../api/create-referral';
import { referralDetailQueries } from '../../api/get-referral';
import { useUpdateReferral } from '../../api/update-referral';
import { hasMeaningfulInput } from './form-model';

export type SaveStatus = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

/** The first save waits for a short pause in typing; later saves at most every 10 s (and on every step change). */
export const FIRST_SAVE_DELAY_MS = 1_000;
export const AUTOSAVE_DELAY_MS = 10_000;

interface DraftAutosaveOptions {
  /** Autosave runs for drafts only: a NEEDS_INFO referral is live, its edits are sent on resubmit. */
  enabled: boolean;
  /** The referral being edited, if it exists already. */
  existing?: Pick<ReferralDetail, 'id' | 'version'>;
  /** The draft fields of the form as it is now. */
  read: () => ReferralDraftInput;
  /** One key per form session: a retried create returns the first referral instead of a second one. */
  idempotencyKey: string;
}

export interface DraftAutosave {
  status: SaveStatus;
  savedAt: Date | null;
  referralId: string | null;
  /** Call on every change of the form. */
  changed: () => void;
  /** Saves pending changes now (step change, leaving); resolves when saved or when saving failed. */
  flush: () => Promise<void>;
  /** Whether what the form holds differs from the last save. */
  hasUnsavedChanges: () => boolean;
  /** PATCHes the given fields after any save in flight, keeping the version in step; for submitting. */
  saveFields: (fields: ReferralDraftInput) => Promise<ReferralDetail>;
  /** The version to send with a transition. */
  version: () => number | null;
  /** After a 409: the latest saved referral, and saving resumes from its version. */
  reload: () => Promise<ReferralDetail | null>;
  /** Stops every pending save (the draft was discarded or submitted). */
  stop: () => void;
}

export function useDraftAutosave({
  enabled,
  existing,
  read,
  idempotencyKey,
}: DraftAutosaveOptions): DraftAutosave {
  const queryClient = useQueryClient();
  const create = useCreateReferral();
  const update = useUpdateReferral();
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [referralId, setReferralId] = useState<string | null>(existing?.id ?? null);

  const idRef = useRef<string | null>(existing?.id ?? null);
  const versionRef = useRef<number | null>(existing?.version ?? null);
  const lastSavedRef = useRef<string | null>(existing ? JSON.stringify(read()) : null);
  const createBodyRef = useRef<CreateReferralBody | null>(null);
  const queueRef = useRef<Promise<unknown>>(Promise.resolve());
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stoppedRef = useRef(false);
  const conflictRef = useRef(false);

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = queueRef.current.then(task, task);
    queueRef.current = run.catch(() => undefined);
    return run;
  }, []);

  const failed = useCallback((error: unknown) => {
    if (isApiError(error, 409)) {
      conflictRef.current = true;
      setStatus('conflict');
    } else {
      setStatus('error');
    }
  }, []);

  const saveNow = useCallback(
    () =>
      enqueue(async () => {
        if (!enabled || stoppedRef.current || conflictRef.current) return;
        const draft = read();
        const json = JSON.stringify(draft);
        if (json === lastSavedRef.current) return;
        try {
          if (!idRef.current) {
            if (!hasMeaningfulInput(draft)) return;
            // A retry after a failed create sends the same body with the same key, as idempotency requires.
            createBodyRef.current ??= { submit: false, ...draft };
            setStatus('saving');
            const created = await create.mutateAsync({ body: createBodyRef.current, idempotencyKey });
            idRef.current = created.id;
            versionRef.current = created.version;
            lastSavedRef.current = JSON.stringify(
              Object.fromEntries(Object.entries(createBodyRef.current).filter(([k]) => k !== 'submit')),
            );
            setReferralId(created.id);
            // What changed while the create was in flight goes out as a PATCH.
            if (JSON.stringify(read()) !== lastSavedRef.current) {
              const saved = await update.mutateAsync({
                id: created.id,
                version: created.version,
                fields: read(),
              });
              versionRef.current = saved.version;
              lastSavedRef.current = JSON.stringify(read());
            }
          } else {
            setStatus('saving');
            const saved = await update.mutateAsync({
              id: idRef.current,
              version: versionRef.current ?? 1,
              fields: draft,
            });
            versionRef.current = saved.version;
            lastSavedRef.current = json;
          }
          setStatus('saved');
          setSavedAt(new Date());
        } catch (error) {
          failed(error);
        }
      }),
    [create, enabled, enqueue, failed, idempotencyKey, read, update],
  );

  const clearTimer = () => {
    if (timerRef.current) clearTimeout(timerRef.current);
    timerRef.current = null;
  };

  const changed = useCallback(() => {
    if (!enabled || stoppedRef.current) return;
    if (timerRef.current) {
      // Once saved, the next save waits 10 s from the first unsaved change, so steady typing still saves.
      if (idRef.current) return;
      clearTimeout(timerRef.current);
    }
    timerRef.current = setTimeout(
      () => {
        timerRef.current = null;
        void saveNow();
      },
      idRef.current ? AUTOSAVE_DELAY_MS : FIRST_SAVE_DELAY_MS,
    );
  }, [enabled, saveNow]);

  const flush = useCallback(async () => {
    clearTimer();
    await saveNow();
  }, [saveNow]);

  useEffect(() => clearTimer, []);

  const saveFields = useCallback(
    (fields: ReferralDraftInput) =>
      enqueue(async () => {
        clearTimer();
        if (!idRef.current) throw new Error('No referral to save');
        setStatus('saving');
        try {
          const saved = await update.mutateAsync({
            id: idRef.current,
            version: versionRef.current ?? 1,
            fields,
          });
          versionRef.current = saved.version;
          lastSavedRef.current = JSON.stringify(fields);
          setStatus('saved');
          setSavedAt(new Date());
          return saved;
        } catch (error) {
          failed(error);
          throw error;
        }
      }),
    [enqueue, failed, update],
  );

  const reload = useCallback(async () => {
    const id = idRef.current;
    if (!id) return null;
    const latest = await queryClient.fetchQuery({ ...referralDetailQueries.detail(id), staleTime: 0 });
    versionRef.current = latest.version;
    lastSavedRef.current = null;
    conflictRef.current = false;
    setStatus('idle');
    return latest;
  }, [queryClient]);

  return {
    status,
    savedAt,
    referralId,
    changed,
    flush,
    hasUnsavedChanges: () => JSON.stringify(read()) !== lastSavedRef.current,
    saveFields,
    version: () => versionRef.current,
    reload,
    stop: () => {
      stoppedRef.current = true;
      clearTimer();
    },
  };
}

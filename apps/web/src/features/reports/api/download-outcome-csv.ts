import type { OutcomeReportQuery } from '@pathways/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { apiResponse } from '../../../lib/api-client';

export interface DownloadProgress {
  loaded: number;
  /** Bytes announced by `Content-Length`; null when the server streams without one (or compresses). */
  total: number | null;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** `attachment; filename="x.csv"` or the RFC 5987 form `filename*=UTF-8''x.csv`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: fall back to the plain parameter
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/.exec(header);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name || null;
}

/**
 * GET /api/reports/outcomes.csv with the session cookie, read chunk by chunk so the screen can show progress.
 * Errors are the API client's (`ApiError`), so a 401 ends the session like any other call.
 */
export async function downloadOutcomeCsv(
  params: OutcomeReportQuery,
  { onProgress, signal }: { onProgress?: (progress: DownloadProgress) => void; signal?: AbortSignal } = {},
): Promise<DownloadedFile> {
  const response = await apiResponse('/reports/outcomes.csv', {
    query: { ...params },
    signal,
    headers: { Accept: 'text/csv' },
  });
  const length = Number(response.headers.get('Content-Length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const filename =
    filenameFromDisposition(response.headers.get('Content-Disposition')) ?? 'outcome-report.csv';
  const type = response.headers.get('Content-Type') ?? 'text/csv;charset=utf-8';

  if (!response.body) {
    const blob = await response.blob();
    onProgress?.({ loaded: blob.size, total });
    return { blob, filename };
  }
  const reader = response.body.getReader();
  const chunks: BlobPart[] = [];
  let loaded = 0;
  onProgress?.({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    // A compressed response announces fewer bytes than it yields: the total is then unknown.
    onProgress?.({ loaded, total: total !== null && loaded <= total ? total : null });
  }
  return { blob: new Blob(chunks, { type }), filename };
}

/** Hands the file to the browser as a download under the server's name. */
export function saveFile({ blob, filename }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the click has handed the URL to the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export type CsvDownloadState =
  | { status: 'idle' }
  | { status: 'downloading'; progress: DownloadProgress }
  | { status: 'done'; filename: string }
  | { status: 'error'; error: unknown };

/** One download at a time, with its progress; leaving the screen or cancelling aborts it. */
export function useOutcomeCsvDownload() {
  const [state, setState] = useState<CsvDownloadState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (params: OutcomeReportQuery) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'downloading', progress: { loaded: 0, total: null } });
    try {
      const file = await downloadOutcomeCsv(params, {
        signal: current.signal,
        onProgress: (progress) => {
          if (!current.signal.aborted) setState({ status: 'downloading', progress });
        },
      });
      if (current.signal.aborted) return;
      saveFile(file);
      setState({ status: 'done', filename: file.filename });
    } catch (error) {
      if (current.signal.aborted) return;
      setState({ status: 'error', error });
    } finally {
      if (controller.current === current) controller.current = null;
    }
  }, []);

  const cancel = useCallback(() => {
    controller.current?.abort();
    controller.current = null;
    setState({ status: 'idle' });
  }, []);

  const reset = useCallback(() => setState({ status: 'idle' }), []);

  return { state, start, cancel, reset };
}

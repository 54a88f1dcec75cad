import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AlertDialog } from '../../components/ui/alert-dialog';
import { errorMessage } from '../../components/ui/error-message';
import { meQueryOptions } from '../../features/auth/api/get-me';
import { logout } from '../../features/auth/api/logout';
import { endSession } from '../../features/auth/api/start-session';
import { formatTime } from '../../lib/format';
import { suspendUnsavedChangesGuards } from '../../lib/leave-guard';
import { sessionClock, sessionEnd, type SessionEnd } from '../../lib/session-clock';
import { signInHref } from '../paths';
import { useSignOut } from './sign-out-button';

/** How long before the end the warning comes (ACCESS.md: idle 30 min, so at 28 min without activity). */
export const WARN_BEFORE_MS = 2 * 60_000;

type Phase = 'quiet' | 'warning' | 'ended';

function phaseAt(end: SessionEnd | null, lead: number, now: number): Phase {
  if (!end) return 'quiet';
  if (now >= end.at) return 'ended';
  return now >= end.at - lead ? 'warning' : 'quiet';
}

const countdown = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * Warns before the server ends the session (idle timeout, or the absolute end of the day's session) and offers to
 * stay signed in (one cheap request restarts the idle clock) or to sign out. When time runs out it goes to sign-in
 * with `expired=1`, as a 401 would. The deadlines come from lib/session-clock.ts, moved by every successful call.
 */
export function SessionExpiryWarning() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { signOut, pending: signingOut } = useSignOut();
  const times = useSyncExternalStore(sessionClock.subscribe, sessionClock.get);
  const [now, setNow] = useState(() => Date.now());
  const [staying, setStaying] = useState(false);
  const [stayError, setStayError] = useState<unknown>(null);
  /** The absolute end cannot be pushed back: once read, the warning stays closed until then. */
  const [acknowledgedEnd, setAcknowledgedEnd] = useState<number | null>(null);

  const end = times ? sessionEnd(times) : null;
  // A short idle timeout still leaves time to read: at most half of it.
  const lead = times ? Math.min(WARN_BEFORE_MS, times.idleMs / 2) : WARN_BEFORE_MS;
  const phase = phaseAt(end, lead, now);
  const endAt = end?.at ?? null;

  // Quiet: one timer to the moment the warning is due. Warning: the countdown ticks each second up to the end.
  useEffect(() => {
    if (endAt === null || phase === 'ended') return;
    if (phase === 'warning') {
      const tick = setInterval(() => setNow(Date.now()), 1000);
      return () => clearInterval(tick);
    }
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, endAt - lead - Date.now()));
    return () => clearTimeout(timer);
  }, [endAt, lead, phase]);

  // A sleeping laptop or a background tab delays timers: look again when the page is seen.
  useEffect(() => {
    const wake = () => setNow(Date.now());
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('focus', wake);
    return () => {
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('focus', wake);
    };
  }, []);

  const endedAt = useRef<number | null>(null);
  useEffect(() => {
    if (phase !== 'ended' || endedAt.current === endAt) return;
    endedAt.current = endAt;
    // The server ends an idle session by itself; this makes sure of it (the deadline here is never later).
    void logout().catch(() => undefined);
    suspendUnsavedChangesGuards();
    const next = location.pathname + location.search;
    void Promise.resolve(navigate(signInHref({ expired: true, next }), { replace: true })).then(() =>
      endSession(queryClient),
    );
    // Runs once per end; the location it returns to is the one at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [phase, endAt]);

  const stay = async () => {
    setStaying(true);
    setStayError(null);
    try {
      // Any successful call restarts the server's idle clock; the API client records it (lib/session-clock.ts).
      await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
      setNow(Date.now());
    } catch (error) {
      // A 401 is handled by the router (sign-in, expired); anything else is said here.
      setStayError(error);
    } finally {
      setStaying(false);
    }
  };

  const absolute = end?.reason === 'absolute';
  const opened = phase === 'warning' && !(absolute && acknowledgedEnd === endAt);
  const remaining = endAt === null ? 0 : endAt - now;
  const endsAt = endAt === null ? '' : (formatTime(endAt, i18n.language) ?? '');

  return (
    <AlertDialog
      opened={opened}
      testId="session-expiry-warning"
      title={absolute ? t('workspace.sessionExpiry.absoluteTitle') : t('workspace.sessionExpiry.title')}
      onEscape={absolute ? () => setAcknowledgedEnd(endAt) : () => void stay()}
      actions={
        absolute ? (
          <>
            <Button variant="default" onClick={signOut} loading={signingOut}>
              {t('common.actions.signOut')}
            </Button>
            <Button onClick={() => setAcknowledgedEnd(endAt)} data-autofocus>
              {t('workspace.sessionExpiry.continue')}
            </Button>
          </>
        ) : (
          <>
            <Button variant="default" onClick={signOut} loading={signingOut}>
              {t('common.actions.signOut')}
            </Button>
            <Button onClick={() => void stay()} loading={staying} data-autofocus>
              {t('workspace.sessionExpiry.stay')}
            </Button>
          </>
        )
      }
    >
      <Stack gap="xs">
        <Text>
          {absolute
            ? t('workspace.sessionExpiry.absoluteMessage', { time: endsAt })
            : t('workspace.sessionExpiry.message', { time: endsAt })}
        </Text>
        {/* A timer is not announced each second; the message above says when. */}
        <Text fw={700} size="lg" role="timer">
          {t('workspace.sessionExpiry.timeLeft', { time: countdown(remaining) })}
        </Text>
        {stayError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(stayError, t)}
          </Alert>
        ) : null}
      </Stack>
    </AlertDialog>
  );
}

import { Text } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from './use-draft-autosave';

/** "Saving…", "Saved a moment ago", "Saved at 10:42": announced politely, never stealing focus. */
export function SaveStatusText({ status, savedAt }: { status: SaveStatus; savedAt: Date | null }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const interval = useInterval(() => setNow(Date.now()), 15_000);
  useEffect(() => {
    interval.start();
    return interval.stop;
  }, [interval]);

  let text = '';
  if (status === 'saving') text = t('referrals.save.saving');
  else if (status === 'error') text = t('referrals.save.failed');
  else if (status === 'conflict') text = t('referrals.save.conflictShort');
  else if (savedAt) {
    text =
      now - savedAt.getTime() < 60_000
        ? t('referrals.save.justNow')
        : t('referrals.save.at', {
            time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(savedAt),
          });
  } else text = t('referrals.save.notYet');

  return (
    <Text
      size="sm"
      c={status === 'error' ? 'red.9' : 'dimmed'}
      role="status"
      aria-live="polite"
      data-testid="save-status"
    >
      {text}
    </Text>
  );
}

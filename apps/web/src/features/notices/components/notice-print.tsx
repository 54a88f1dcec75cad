import { Anchor, Button, Group, NativeSelect, Text } from '@mantine/core';
import { LOCALES, type Locale, type NoticeView } from '@pathways/contracts';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/ui/page-header';
import { isLocale } from '../../../lib/i18n';
import { NoticeLetter } from './notice-letter';
import type { NoticeLinks } from './notice-links';

interface NoticePrintProps {
  notice: NoticeView;
  lang: Locale;
  onLangChange: (lang: Locale) => void;
  links: NoticeLinks;
}

/** The letter alone on the page, in the chosen language, for printing or saving as PDF. */
export function NoticePrint({ notice, lang, onLangChange, links }: NoticePrintProps) {
  const { t, i18n } = useTranslation();
  // What prints is in the letter's language (the family's, say), whatever the screen's.
  const letterT = i18n.getFixedT(notice.letter.language);
  return (
    <div className="print-page" data-testid="notice-print">
      <Group justify="space-between" gap="sm" className="no-print" mb="md" wrap="wrap" align="flex-end">
        <Anchor component={Link} to={links.list}>
          {t('notices.back')}
        </Anchor>
        <Group gap="sm" wrap="wrap" align="flex-end">
          <NativeSelect
            size="sm"
            label={t('notices.letterLanguage')}
            value={lang}
            data={LOCALES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
            onChange={(event) => {
              const next = event.currentTarget.value;
              if (isLocale(next)) onLangChange(next);
            }}
          />
          <Button className="no-print" onClick={() => window.print()}>
            {t('notices.printNow')}
          </Button>
        </Group>
      </Group>
      {/* The screen's title; on paper the letter's own title, in its language, heads the page. */}
      <div className="no-print">
        <PageHeader title={t(`notices.types.${notice.type}`)} />
      </div>
      <NoticeLetter notice={notice} headingOrder={2} headingId="notice-title" />
      <Text size="xs" c="dimmed" mt="xl" lang={notice.letter.language}>
        {letterT('notices.confidential')}
      </Text>
    </div>
  );
}

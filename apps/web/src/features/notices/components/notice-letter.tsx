import { Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { NoticeView } from '@pathways/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';

interface NoticeLetterProps {
  notice: NoticeView;
  /** On the print page the letter's title is the page's h1; in a preview it sits under the dialog title. */
  headingOrder?: TitleOrder;
  headingId?: string;
}

/**
 * The letter as the API wrote it: plain-text paragraphs in the letter's own language (marked with `lang`, so a
 * screen reader pronounces it right), dated, with the reference number. Nothing clinical, no narrative.
 */
export function NoticeLetter({ notice, headingOrder = 2, headingId }: NoticeLetterProps) {
  const ft = useTranslation().i18n.getFixedT(notice.letter.language);
  return (
    <article lang={notice.letter.language} aria-labelledby={headingId} data-testid="notice-letter">
      <Stack gap="sm">
        <Text size="sm">{formatDate(notice.sentAt, notice.letter.language)}</Text>
        {notice.toOrgName ? <Text size="sm">{ft('notices.letterTo', { org: notice.toOrgName })}</Text> : null}
        {notice.referenceNumber ? (
          <Text size="sm">{ft('notices.letterReference', { reference: notice.referenceNumber })}</Text>
        ) : null}
        <Title order={headingOrder} size="h3" id={headingId}>
          {notice.letter.title}
        </Title>
        {notice.letter.paragraphs.map((paragraph, index) => (
          <Text key={index} style={{ whiteSpace: 'pre-wrap' }}>
            {paragraph}
          </Text>
        ))}
      </Stack>
    </article>
  );
}

import { Box } from '@mantine/core';

/**
 * The one place the web app renders HTML from the API. `NoteView.body` is sanitized by the server on write (an
 * allow-list of p, br, strong, em, ul, ol, li; see API "Notes"), so it is inserted as markup here and nowhere else.
 * Never pass it anything the person typed on this screen, or any other field of a response.
 */
export function SanitizedHtml({ html }: { html: string }) {
  return (
    <Box
      className="sanitized-html"
      style={{ overflowWrap: 'anywhere' }}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

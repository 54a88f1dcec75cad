import { Box, Flex, FocusTrap, Overlay, Paper, Portal, Stack, Title } from '@mantine/core';
import { useFocusReturn, useId } from '@mantine/hooks';
import { useEffect, useRef, type ReactNode } from 'react';

/** Above Mantine's modals (200) and below its notifications: it may interrupt a form open in a dialog. */
const Z_INDEX = 400;

/** The open alert dialogs, newest last: Escape belongs to the newest. */
const openDialogs: { current: () => void }[] = [];

// Registered when this module loads, before any Mantine modal mounts its own window listener, so an Escape meant
// for this dialog does not also close the form dialog underneath it.
if (typeof window !== 'undefined') {
  window.addEventListener(
    'keydown',
    (event) => {
      const top = openDialogs[openDialogs.length - 1];
      if (event.key !== 'Escape' || !top || event.isComposing) return;
      event.stopImmediatePropagation();
      event.preventDefault();
      top.current();
    },
    { capture: true },
  );
}

interface AlertDialogProps {
  opened: boolean;
  title: string;
  /** What happened and what each choice does; read out when the dialog opens. */
  children: ReactNode;
  /** The buttons, the main choice last; the safe one carries `data-autofocus` so focus starts there. */
  actions: ReactNode;
  /** Escape: the safe choice (stay, keep editing). */
  onEscape: () => void;
  testId?: string;
}

/**
 * A dialog that interrupts (WAI-ARIA `alertdialog`): focus moves into it and stays there until a choice is made, the
 * title and message are announced, and focus returns where it was afterwards. Mantine's Modal always says `dialog`.
 */
export function AlertDialog({ opened, title, children, actions, onEscape, testId }: AlertDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const escape = useRef(onEscape);
  escape.current = onEscape;
  useFocusReturn({ opened });

  useEffect(() => {
    if (!opened) return;
    const entry = { current: () => escape.current() };
    openDialogs.push(entry);
    return () => {
      openDialogs.splice(openDialogs.indexOf(entry), 1);
    };
  }, [opened]);

  if (!opened) return null;
  return (
    <Portal>
      <Overlay fixed zIndex={Z_INDEX} backgroundOpacity={0.5} />
      <Box
        pos="fixed"
        inset={0}
        p="md"
        style={{ zIndex: Z_INDEX + 1, display: 'flex', alignItems: 'center', justifyContent: 'center' }}
      >
        <FocusTrap active>
          <Paper
            role="alertdialog"
            aria-modal="true"
            aria-labelledby={titleId}
            aria-describedby={bodyId}
            tabIndex={-1}
            withBorder
            shadow="xl"
            radius="md"
            p="lg"
            w="100%"
            maw={460}
            data-testid={testId}
          >
            <Stack gap="md">
              <Title order={2} size="h4" id={titleId}>
                {title}
              </Title>
              <div id={bodyId}>{children}</div>
              {/* A row on wider screens; on a phone, full-width buttons, the last one (the main choice) on top. */}
              <Flex direction={{ base: 'column-reverse', xs: 'row' }} justify="flex-end" gap="sm">
                {actions}
              </Flex>
            </Stack>
          </Paper>
        </FocusTrap>
      </Box>
    </Portal>
  );
}

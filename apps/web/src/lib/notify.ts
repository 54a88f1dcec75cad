import { notifications, type NotificationData } from '@mantine/notifications';
import { i18n } from './i18n';

/** Shows a toast whose close button has a spoken name in the current language (axe: button-name). */
export function notify(data: NotificationData): string {
  return notifications.show({
    ...data,
    closeButtonProps: { 'aria-label': i18n.t('common.actions.close'), ...data.closeButtonProps },
  });
}
